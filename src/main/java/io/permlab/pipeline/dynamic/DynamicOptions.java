package io.permlab.pipeline.dynamic;

import io.permlab.device.web.DeviceProfile;
import io.permlab.exercise.FlowRunner;

import java.nio.file.Path;

/** How 'permlab run' exercises targets: the device profile, where sessions come from, masking, runner settings. */
public record DynamicOptions(DeviceProfile profile, SessionChoice sessions, boolean mask, FlowRunner.Options runner,
                             Path home) {
}
