package io.permlab.cli;

import io.permlab.device.adb.Adb;
import io.permlab.device.uiautomator.AndroidProfile;
import io.permlab.device.uiautomator.AndroidProfiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** {@code permlab devices}: attached Android devices, the device profiles, the Appium side, and what is missing. */
@Command(mixinStandardHelpOptions = true, usageHelpAutoWidth = true, name = "devices",
        description = {"List what Android runs need: the devices 'adb devices -l' sees (and what to do for one that cannot be "
                + "used), the device profiles in devices/, the Appium UiAutomator2 driver and server, and ANDROID_HOME.",
                "Exit code 0 when a device can be used and the driver is installed, 5 otherwise (each missing piece with its fix)."},
        footerHeading = "%nExamples:%n",
        footer = {"  permlab devices", "  permlab run apps/apidemos-android --device devices/android-usb.json",
                "  permlab devices --wechat-answers", "  permlab devices --forget-wechat wx0123456789abcdef"})
final class DevicesCommand implements java.util.concurrent.Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--lab", paramLabel = "FILE", description = "A lab profile (kind android-lab): list the lab's devices, free, busy or offline.")
    Path lab;

    @CommandLine.Option(names = "--wechat-answers", description = "List what PermLab answered on WeChat's authorization sheets and WeChat "
            + "still remembers, per device and mini-program (" + io.permlab.device.uiautomator.WeChatAnswerMemory.STATE_FILE + ").")
    boolean wechatAnswers;

    @CommandLine.Option(names = "--forget-wechat", paramLabel = "PROGRAM", description = "After deleting the mini-program from WeChat "
            + "by hand: forget what WeChat remembered of it (its AppID, or the full key serial|package|program when several "
            + "phones hold it), so that its refused runs show their sheets again.")
    String forgetWeChat;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (lab != null) {
            return lab(out);
        }
        Path home = PermLabHome.dir();
        if (wechatAnswers || forgetWeChat != null) {
            Path file = home.resolve(io.permlab.device.uiautomator.WeChatAnswerMemory.STATE_FILE);
            WeChatMemoryCommand.Outcome done = forgetWeChat != null ? WeChatMemoryCommand.forget(file, forgetWeChat)
                    : WeChatMemoryCommand.list(file);
            done.lines().forEach(out::println);
            return done.exit();
        }
        out.println("Attached devices (adb devices -l):");
        List<EnvironmentCheck.Result> devices = AndroidChecks.devices(Adb.locate());
        devices.forEach(r -> print(out, r));
        out.println("Device profiles (" + home.resolve("devices") + "):");
        profiles(home.resolve("devices")).forEach(line -> out.println("  " + line));
        out.println("Appium and the Android SDK:");
        List<EnvironmentCheck.Result> toolchain = AndroidChecks.toolchain(home, System.getenv());
        toolchain.forEach(r -> print(out, r));
        boolean device = devices.stream().anyMatch(r -> r.name().startsWith("device ") && r.status() == EnvironmentCheck.Status.OK);
        boolean driver = toolchain.stream().anyMatch(r -> r.name().equals("appium uiautomator2") && r.status() == EnvironmentCheck.Status.OK);
        out.println(device && driver ? "Ready: 'permlab run TARGET --device devices/<profile>.json' can run on a device."
                : "Not ready for a device run (see 'fix' lines); 'permlab scan' needs none of this.");
        return (device && driver ? ExitCode.CLEAN : ExitCode.FINISHED_WITH_ERRORS).code();
    }

    /** The lab's devices; exit 0 when one is free. */
    private int lab(PrintWriter out) {
        io.permlab.device.lab.LabProfile profile;
        try {
            profile = io.permlab.device.lab.LabProfiles.load(lab);
        } catch (io.permlab.device.lab.LabProfiles.InvalidLabProfileException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return ExitCode.FINISHED_WITH_ERRORS.code();
        }
        io.permlab.device.lab.Lab l = profile.lab();
        out.println("Devices of " + l.describe() + ":");
        try {
            List<io.permlab.device.lab.LabDevice> devices = l.devices();
            devices.forEach(d -> out.println("  " + d.describe()));
            if (devices.isEmpty()) {
                out.println("  (none)");
            }
            long free = devices.stream().filter(io.permlab.device.lab.LabDevice::free).count();
            out.println(free + " free of " + devices.size());
            return (free > 0 ? ExitCode.CLEAN : ExitCode.FINISHED_WITH_ERRORS).code();
        } catch (io.permlab.device.lab.LabException e) {
            out.println("  unreachable: " + e.getMessage());
            return ExitCode.FINISHED_WITH_ERRORS.code();
        }
    }

    private static void print(PrintWriter out, EnvironmentCheck.Result r) {
        out.printf("  %-6s %-22s %s%n", r.status().label(), r.name(), r.detail());
        if (r.status() != EnvironmentCheck.Status.OK && r.fix() != null) {
            out.printf("  %-6s %-22s fix: %s%n", "", "", r.fix());
        }
    }

    /** One line per profile: its kind and what it names, or the mistake that makes it unusable. */
    static List<String> profiles(Path dir) {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                if (io.permlab.device.lab.LabProfiles.isLab(f)) {
                    try {
                        io.permlab.device.lab.LabProfile l = io.permlab.device.lab.LabProfiles.load(f);
                        out.add(f.getFileName() + "  lab: " + l.via().id() + " " + l.url() + " (permlab devices --lab " + f + ")");
                    } catch (io.permlab.device.lab.LabProfiles.InvalidLabProfileException e) {
                        out.add(f.getFileName() + "  UNUSABLE: " + e.getMessage());
                    }
                    continue;
                }
                if (!AndroidProfiles.isAndroid(f)) {
                    out.add(f.getFileName() + "  browser profile (H5 runs)");
                    continue;
                }
                try {
                    AndroidProfile p = AndroidProfiles.load(f).withPersona(io.permlab.capture.PersonaReader.ofAndroidProfile(f));
                    String device = p.udid() != null ? "device " + p.udid() : p.avd() != null ? "emulator " + p.avd() : "the one attached device";
                    out.add(f.getFileName() + "  android: " + device + (p.platformVersion() == null ? "" : ", Android " + p.platformVersion())
                            + ", appium " + (p.localAppium() ? "local (started on demand)" : p.appium().toString())
                            + (p.proxy() == null ? "" : ", proxy " + p.proxy().host() + ":" + p.proxy().port())
                            + (p.persona() == null ? "" : ", declares " + p.persona())); // field names only, never values
                } catch (AndroidProfiles.InvalidAndroidProfileException | io.permlab.capture.PersonaFileException e) {
                    out.add(f.getFileName() + "  UNUSABLE: " + e.getMessage());
                }
            }
        } catch (IOException e) {
            out.add("(no devices/ folder: " + e.getMessage() + ")");
        }
        if (out.isEmpty()) {
            out.add("(none)");
        }
        return out;
    }
}
