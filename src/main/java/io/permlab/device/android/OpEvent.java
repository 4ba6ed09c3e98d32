package io.permlab.device.android;

import java.time.Duration;
import java.time.Instant;

/**
 * One access to, or rejection of, an app op: when (the capture time minus the printed age, so the device's time zone
 * never matters), in which uid state, through which proxy flags ("s" = the app itself) and for how long (null when
 * not printed).
 */
public record OpEvent(UidState uidState, String flags, Instant at, Duration ago, Duration duration) {
}
