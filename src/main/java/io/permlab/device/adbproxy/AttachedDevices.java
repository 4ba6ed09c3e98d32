package io.permlab.device.adbproxy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code adb devices}: which serials are attached and in what state. Asked first, because it answers at once, while a
 * command for a missing device waits for it.
 */
public final class AttachedDevices {
    static final Duration TIMEOUT = Duration.ofSeconds(15);

    public record Device(String serial, String state) {
    }

    private AttachedDevices() {
    }

    public static List<Device> list(AdbShell adb) throws AdbException {
        AdbResult result = adb.run(List.of("devices"), TIMEOUT);
        if (!result.ok()) {
            throw new AdbException("adb devices failed (exit " + result.exitCode() + "): " + result.output());
        }
        return parse(result.stdout());
    }

    /** Lines after "List of devices attached": "emulator-5554\tdevice", "R58M123\tunauthorized". */
    static List<Device> parse(String output) {
        List<Device> out = new ArrayList<>();
        for (String line : output.split("\\R")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("List of devices") || l.startsWith("*")) {
                continue;
            }
            String[] parts = l.split("\\s+");
            if (parts.length >= 2) {
                out.add(new Device(parts[0], parts[1]));
            }
        }
        return out;
    }

    /** Returns normally when {@code udid} is attached and usable; otherwise says what is wrong and how to fix it. */
    public static void require(AdbShell adb, String udid) throws AdbException {
        List<Device> devices = list(adb);
        for (Device d : devices) {
            if (d.serial().equals(udid)) {
                switch (d.state()) {
                    case "device" -> {
                        return;
                    }
                    case "unauthorized" -> throw new AdbException("device " + udid + " is unauthorized: unlock it and accept the "
                            + "\"Allow USB debugging\" prompt");
                    case "offline" -> throw new AdbException("device " + udid + " is offline: reconnect it (or restart the emulator)");
                    default -> throw new AdbException("device " + udid + " is in state '" + d.state() + "', not ready for commands");
                }
            }
        }
        throw new AdbException("no device " + udid + " attached (adb devices lists "
                + (devices.isEmpty() ? "none" : devices.stream().map(Device::serial).toList()) + "): connect it by USB with "
                + "USB debugging on, or start the emulator");
    }
}
