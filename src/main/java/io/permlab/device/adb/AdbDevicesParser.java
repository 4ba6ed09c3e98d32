package io.permlab.device.adb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code adb devices} and {@code adb devices -l}. AOSP adb (packages/modules/adb transport.cpp,
 * append_transport) prints "List of devices attached", then per device the serial and its state separated by a tab
 * (short form) or the serial padded to 22 columns, a space and the state, followed by "usb:", "product:", "model:",
 * "device:" and "transport_id:" fields (long form). A state may hold spaces ("no permissions (user ... not in the
 * plugdev group); see [...]"), so the fields are taken from the end. Lines the adb client prints while starting its
 * server ("* daemon not running; starting now at tcp:5037") are skipped. See docs/android-devices.md.
 */
public final class AdbDevicesParser {
    private static final String HEADER = "List of devices attached";
    private static final Pattern LINE = Pattern.compile("(\\S+)\\s+(.+)");
    private static final Pattern FIELD = Pattern.compile("\\s+([a-z_]+):(\\S+)$");

    private AdbDevicesParser() {
    }

    public static List<AttachedDevice> parse(String output) throws AdbException {
        List<AttachedDevice> out = new ArrayList<>();
        boolean headerSeen = false;
        int lineNo = 0;
        for (String raw : output.lines().toList()) {
            lineNo++;
            String line = raw.stripTrailing();
            if (line.isBlank() || line.startsWith("* ")) {
                continue;
            }
            if (!headerSeen) {
                if (!line.equals(HEADER)) {
                    throw new AdbException("adb devices, line " + lineNo + ": expected \"" + HEADER + "\", got \"" + line + "\"");
                }
                headerSeen = true;
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw new AdbException("adb devices, line " + lineNo + ": not a device line: \"" + line + "\"");
            }
            String rest = m.group(2);
            Map<String, String> details = new LinkedHashMap<>();
            Matcher f = FIELD.matcher(rest);
            while (f.find()) {
                details.put(f.group(1), f.group(2));
                rest = rest.substring(0, f.start());
                f = FIELD.matcher(rest);
            }
            Map<String, String> ordered = new LinkedHashMap<>();
            List<String> keys = new ArrayList<>(details.keySet());
            for (int i = keys.size() - 1; i >= 0; i--) {
                ordered.put(keys.get(i), details.get(keys.get(i)));
            }
            out.add(new AttachedDevice(m.group(1), rest.trim(), ordered));
        }
        if (!headerSeen) {
            throw new AdbException("adb devices printed no \"" + HEADER + "\" line: the adb server did not answer");
        }
        return out;
    }
}
