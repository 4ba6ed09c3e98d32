package io.permlab.rules.android;

import io.permlab.model.Evidence;
import io.permlab.model.EvidenceSection;
import io.permlab.model.android.DeviceCapture;
import io.permlab.rules.Rule;
import io.permlab.rules.RuleContext;

import java.util.Set;

/** A rule over what PermLab could not see of an app on a device (the {@link DeviceCapture} section). */
abstract class DeviceCaptureRule implements Rule {
    @Override
    public final Set<Class<? extends EvidenceSection>> reads() {
        return Set.of(DeviceCapture.class);
    }

    @Override
    public final void check(Evidence evidence, RuleContext context) {
        check(evidence.section(DeviceCapture.class).orElseThrow(), context);
    }

    abstract void check(DeviceCapture capture, RuleContext context);
}
