package io.permlab.device.android;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The app ops of one package at one moment, from {@code appops get PKG} or {@code dumpsys appops}: per op its mode and
 * last accesses, plus the uid-level modes that override the package's (Uid mode: COARSE_LOCATION: foreground).
 */
public record AppOps(String packageName, Format format, Instant capturedAt, Map<String, OpMode> uidModes,
                     Map<String, AppOp> ops) {
    public enum Format { APPOPS_GET, DUMPSYS_APPOPS }

    /** Whether an op was used in the background: UNKNOWN when it was used but the format does not say in which state. */
    public enum BackgroundUse { YES, NO, UNKNOWN }

    public AppOps {
        uidModes = Collections.unmodifiableMap(new LinkedHashMap<>(uidModes));
        ops = Collections.unmodifiableMap(new LinkedHashMap<>(ops));
    }

    public Optional<AppOp> op(String name) {
        return Optional.ofNullable(ops.get(name));
    }

    public BackgroundUse usedInBackground(String op) {
        AppOp entry = ops.get(op);
        if (entry == null || entry.accesses().isEmpty() && !entry.running()) {
            return BackgroundUse.NO;
        }
        if (entry.accesses().stream().anyMatch(a -> a.uidState().background())) {
            return BackgroundUse.YES;
        }
        // A running op with no access line, or accesses without a state (appops get), cannot be placed.
        boolean unplaced = entry.accesses().isEmpty() || entry.accesses().stream().anyMatch(a -> a.uidState() == UidState.UNKNOWN);
        return unplaced ? BackgroundUse.UNKNOWN : BackgroundUse.NO;
    }

    public boolean usedSince(String op, Instant since) {
        return op(op).map(o -> o.accessedSince(since)).orElse(false);
    }

    /** The ops accessed at or after {@code since} (running ones included), in printed order. */
    public List<String> usedSince(Instant since) {
        return ops.values().stream().filter(o -> o.accessedSince(since)).map(AppOp::name).toList();
    }
}
