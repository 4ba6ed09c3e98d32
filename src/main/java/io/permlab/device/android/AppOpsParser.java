package io.permlab.device.android;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads app-op state in its two printed formats (docs/android-evidence.md): the one-line-per-op answer of
 * {@code appops get PKG} (no uid state, on every Android version) and the {@code dumpsys appops} package block of
 * Android 10+, whose Access/Reject lines carry the uid state that tells foreground from background use.
 */
public final class AppOpsParser {
    private static final String OP = "[A-Za-z0-9_]+(?:\\(\\d+\\))?";
    private static final Pattern GET_LINE = Pattern.compile("(Uid mode: )?(" + OP + "): ([^;\\s]+)"
            + "(?:; time=(\\S+) ago)?(?:; rejectTime=(\\S+) ago)?(?:( \\(running\\))|; duration=(\\S+))?");
    private static final Pattern UID_HEADER = Pattern.compile("Uid \\S+:");
    private static final Pattern UID_MODE = Pattern.compile("(" + OP + "): mode=(\\S+)");
    private static final Pattern PACKAGE_HEADER = Pattern.compile("Package (\\S+):");
    private static final Pattern OP_HEADER = Pattern.compile("(" + OP + ") \\(([^)/\\s]+)(?: / [^)]*)?\\):");
    private static final Pattern EVENT = Pattern.compile("(Access|Reject): \\[([a-z]+)-([a-z]+)\\]\\s*"
            + "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d+ \\((-\\S+)\\)(?: duration=(\\S+))?.*");

    public AppOps parseGet(String output, String packageName, Instant capturedAt) {
        String source = "appops get " + packageName;
        List<Matcher> entries = new ArrayList<>();
        List<String> lines = output.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).trim();
            if (text.isEmpty() || text.equals("No operations.") || text.startsWith("Default mode:")) {
                continue;
            }
            if (text.startsWith("Error:")) {
                throw new DeviceOutputException(source, i + 1, text);
            }
            Matcher m = GET_LINE.matcher(text);
            if (!m.matches()) {
                throw new DeviceOutputException(source, i + 1, "unreadable app-op line \"" + text + "\"");
            }
            entries.add(m);
        }
        Map<String, OpMode> uidModes = new LinkedHashMap<>();
        Map<String, AppOp> ops = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            Matcher m = entries.get(i);
            if (m.group(1) != null || uidLevelWithoutPrefix(entries, i)) {
                uidModes.put(m.group(2), OpMode.of(m.group(3)));
                continue;
            }
            List<OpEvent> accesses = new ArrayList<>();
            List<OpEvent> rejects = new ArrayList<>();
            Duration duration = AndroidDuration.parse(m.group(7));
            event(m.group(4), UidState.UNKNOWN, null, duration, capturedAt, accesses);
            event(m.group(5), UidState.UNKNOWN, null, null, capturedAt, rejects);
            ops.put(m.group(2), new AppOp(m.group(2), OpMode.of(m.group(3)), m.group(3), accesses, rejects, m.group(6) != null));
        }
        return new AppOps(packageName, AppOps.Format.APPOPS_GET, capturedAt, uidModes, ops);
    }

    /**
     * AOSP prints "Uid mode: " once before the uid-level group, so its second op has no prefix; such a line is
     * recognisable only by its op being printed again, at package level, further down.
     */
    private static boolean uidLevelWithoutPrefix(List<Matcher> entries, int index) {
        boolean afterUidGroup = entries.stream().limit(index).anyMatch(m -> m.group(1) != null);
        String op = entries.get(index).group(2);
        return afterUidGroup && entries.stream().skip(index + 1).anyMatch(m -> m.group(2).equals(op));
    }

    private static void event(String ago, UidState state, String flags, Duration duration, Instant capturedAt,
                              List<OpEvent> into) {
        Duration age = AndroidDuration.parse(ago);
        if (age != null) {
            into.add(new OpEvent(state, flags, capturedAt.minus(age), age, duration));
        }
    }

    public AppOps parseDump(String output, String packageName, Instant capturedAt) {
        String source = "dumpsys appops --package " + packageName;
        List<String> lines = output.lines().toList();
        Map<String, OpMode> uidModesOfBlock = new LinkedHashMap<>();
        Map<String, OpMode> uidModes = null;
        Map<String, OpBuilder> ops = new LinkedHashMap<>();
        boolean inPackage = false;
        OpBuilder current = null;
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).trim();
            if (UID_HEADER.matcher(text).matches()) {
                if (uidModes != null) {
                    break;
                }
                uidModesOfBlock = new LinkedHashMap<>();
                inPackage = false;
                continue;
            }
            Matcher pkg = PACKAGE_HEADER.matcher(text);
            if (pkg.matches()) {
                if (uidModes != null && !pkg.group(1).equals(packageName)) {
                    break;
                }
                inPackage = pkg.group(1).equals(packageName);
                if (inPackage) {
                    uidModes = uidModesOfBlock;
                }
                current = null;
                continue;
            }
            Matcher uidMode = UID_MODE.matcher(text);
            if (!inPackage && uidMode.matches()) {
                uidModesOfBlock.put(uidMode.group(1), OpMode.of(uidMode.group(2)));
                continue;
            }
            if (!inPackage) {
                continue;
            }
            Matcher header = OP_HEADER.matcher(text);
            if (header.matches()) {
                current = ops.computeIfAbsent(header.group(1), n -> new OpBuilder(n, header.group(2)));
            } else if (text.startsWith("Access:") || text.startsWith("Reject:")) {
                Matcher e = EVENT.matcher(text);
                if (current == null || !e.matches()) {
                    throw new DeviceOutputException(source, i + 1, "unreadable app-op event \"" + text + "\"");
                }
                event(e.group(4), UidState.of(e.group(2)), e.group(3), AndroidDuration.parse(e.group(5)), capturedAt,
                        e.group(1).equals("Access") ? current.accesses : current.rejects);
            } else if (text.startsWith("Running start at") && current != null) {
                current.running = true;
            }
        }
        if (uidModes == null) {
            throw new DeviceOutputException(source, 0, "no \"Package " + packageName + ":\" in the app-op state"
                    + " (the package has no app ops, or this is not dumpsys appops output)");
        }
        Map<String, AppOp> built = new LinkedHashMap<>();
        ops.forEach((name, b) -> built.put(name, b.build()));
        return new AppOps(packageName, AppOps.Format.DUMPSYS_APPOPS, capturedAt, uidModes, built);
    }

    private static final class OpBuilder {
        private final String name;
        private final String mode;
        private final List<OpEvent> accesses = new ArrayList<>();
        private final List<OpEvent> rejects = new ArrayList<>();
        private boolean running;

        OpBuilder(String name, String mode) {
            this.name = name;
            this.mode = mode;
        }

        AppOp build() {
            return new AppOp(name, OpMode.of(mode), mode, accesses, rejects, running);
        }
    }
}
