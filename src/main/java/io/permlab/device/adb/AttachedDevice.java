package io.permlab.device.adb;

import java.util.Map;

/**
 * One line of {@code adb devices -l}: the serial, the connection state (device, unauthorized, offline, no permissions...)
 * and the key:value details adb appends (usb, product, model, device, transport_id).
 */
public record AttachedDevice(String serial, String state, Map<String, String> details) {
    public AttachedDevice {
        details = Map.copyOf(details);
    }

    /** Ready for adb commands and an Appium session. */
    public boolean usable() {
        return "device".equals(state);
    }

    public boolean emulator() {
        return serial.startsWith("emulator-");
    }

    /** What to do so that this device becomes usable; null when it already is. */
    public String fix() {
        if (usable()) {
            return null;
        }
        if (state.equals("unauthorized")) {
            return "unlock the phone and accept the 'Allow USB debugging?' prompt (tick 'Always allow from this computer')";
        }
        if (state.startsWith("no permissions")) {
            return "the udev rules do not give you the USB device: sudo apt-get install android-sdk-platform-tools-common, "
                    + "add yourself to the plugdev group, re-plug the cable";
        }
        if (state.equals("offline")) {
            return "re-plug the cable or run 'adb kill-server && adb start-server'; on an emulator wait for it to boot";
        }
        return "the device is in state '" + state + "'; reboot it into Android";
    }

    public String describe() {
        String model = details.getOrDefault("model", details.getOrDefault("product", ""));
        return serial + " (" + state + (model.isEmpty() ? "" : ", " + model) + ")";
    }
}
