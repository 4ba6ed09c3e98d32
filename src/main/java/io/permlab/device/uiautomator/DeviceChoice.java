package io.permlab.device.uiautomator;

import io.permlab.device.adb.AttachedDevice;
import io.permlab.exercise.SessionException;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Which attached device a profile means, from {@code adb devices -l}: its {@code udid}, a running emulator for an
 * {@code avd}, or the only usable device. Anything else is an actionable error, known before any Appium session is
 * asked for (Appium would search 20 s for a device that is not there).
 */
public final class DeviceChoice {
    private DeviceChoice() {
    }

    /** The profile's device, or the only one attached; an actionable error when there is none to use. */
    public static String choose(AndroidProfile profile, List<AttachedDevice> attached) throws SessionException {
        if (profile.avd() != null) {
            // adb needs the emulator's serial, so it must be running already
            return attached.stream().filter(AttachedDevice::emulator).filter(AttachedDevice::usable).map(AttachedDevice::serial)
                    .findFirst().orElseThrow(() -> new SessionException(SessionException.Kind.UNREACHABLE, "emulator '" + profile.avd()
                            + "' of profile " + profile.name() + " is not running: start it (emulator -avd " + profile.avd()
                            + ") and wait until 'adb devices' lists it"));
        }
        if (profile.udid() != null) {
            AttachedDevice d = attached.stream().filter(a -> a.serial().equals(profile.udid())).findFirst()
                    .orElseThrow(() -> new SessionException(SessionException.Kind.UNREACHABLE, "device " + profile.udid() + " of profile "
                            + profile.name() + " is not attached (adb devices lists " + list(attached)
                            + "): plug it in with USB debugging on, then check with 'permlab devices'"));
            if (!d.usable()) {
                throw new SessionException(SessionException.Kind.UNREACHABLE, "device " + d.describe() + " cannot be used: " + d.fix());
            }
            return d.serial();
        }
        List<AttachedDevice> usable = attached.stream().filter(AttachedDevice::usable).toList();
        if (usable.size() == 1) {
            return usable.get(0).serial();
        }
        if (usable.isEmpty()) {
            String why = attached.isEmpty() ? "adb devices lists none" : "adb devices lists " + list(attached) + ": "
                    + attached.stream().map(AttachedDevice::fix).collect(Collectors.joining("; "));
            throw new SessionException(SessionException.Kind.UNREACHABLE, "no Android device attached (" + why + "): connect a phone "
                    + "with USB debugging on or start an emulator; 'permlab devices' shows what is missing");
        }
        throw new SessionException(SessionException.Kind.UNREACHABLE, "several devices are attached (" + list(usable)
                + "): name one as \"udid\" in the device profile " + profile.name());
    }

    private static String list(List<AttachedDevice> devices) {
        return devices.isEmpty() ? "none" : devices.stream().map(AttachedDevice::describe).collect(Collectors.joining(", "));
    }
}
