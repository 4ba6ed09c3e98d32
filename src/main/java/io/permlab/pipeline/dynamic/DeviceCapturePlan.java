package io.permlab.pipeline.dynamic;

import io.permlab.capture.proxy.CaException;
import io.permlab.capture.proxy.LabCa;
import io.permlab.capture.proxy.MitmProxy;
import io.permlab.capture.proxy.ProxyOptions;
import io.permlab.capture.proxy.TrafficRecorder;
import io.permlab.device.adbproxy.AdbBinary;
import io.permlab.device.adbproxy.AdbException;
import io.permlab.device.adbproxy.AdbResult;
import io.permlab.device.adbproxy.AdbShell;
import io.permlab.device.adbproxy.DeviceProxy;
import io.permlab.device.adbproxy.DeviceProxySetting;
import io.permlab.device.adbproxy.ProxyRoute;
import io.permlab.device.storage.AppStorageReader;
import io.permlab.device.uiautomator.AndroidProfile;
import io.permlab.knowledge.ClientHosts;
import io.permlab.model.Localized;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How an Android run's traffic and storage are captured: the lab CA (loaded or made on first use, owner-only key), the
 * proxy's options (loopback and {@code adb reverse} by default; the profile's {@code proxy} host and port for a device
 * on the lab's Wi-Fi), the adb that sets the device's proxy, and the bounds of the storage read. A capture is started
 * per run ({@link #start}); the device's previous proxy comes back when it is closed, and by a shutdown hook.
 */
final class DeviceCapturePlan {
    /** Where the adb that sets the device's proxy comes from: the real binary, or (in a test) a scripted device. */
    interface ProxyAdb {
        AdbShell adb() throws AdbException;
    }

    private final Path caFolder;
    private final ProxyOptions options;
    private final ProxyAdb proxyAdb;
    private final AppStorageReader.Limits storageLimits;
    private LabCa ca;

    DeviceCapturePlan(Path caFolder, ProxyOptions options, ProxyAdb proxyAdb, AppStorageReader.Limits storageLimits) {
        this.caFolder = caFolder;
        this.options = options;
        this.proxyAdb = proxyAdb;
        this.storageLimits = storageLimits;
    }

    /** The lab CA in ~/.permlab/ca, the profile's proxy address (or loopback), the real adb, default storage bounds. */
    static DeviceCapturePlan real(AndroidProfile profile) {
        ProxyOptions options = ProxyOptions.loopback();
        if (profile.proxy() != null) {
            options = options.listeningOn(new InetSocketAddress(profile.proxy().host(), profile.proxy().port()));
        }
        return new DeviceCapturePlan(LabCa.defaultFolder(), options, AdbBinary::locate, AppStorageReader.Limits.defaults());
    }

    AppStorageReader.Limits storageLimits() {
        return storageLimits;
    }

    /**
     * Starts the proxy and points device {@code serial} at it; the device's setting is restored by closing what comes
     * back. {@code markerFolder} (the output folder) keeps the marker that lets a later run restore a device this one
     * could not. {@code client} is the app the traffic goes through when it is not the target's own (WeChat), else null.
     */
    Started start(String serial, Path markerFolder, ClientHosts client) throws IOException, CaException, AdbException {
        if (ca == null) {
            ca = LabCa.loadOrCreate(caFolder);
        }
        AdbShell adb = proxyAdb.adb();
        TrafficRecorder recorder = MitmProxy.start(ca, options);
        try {
            boolean direct = !options.listen().getAddress().isLoopbackAddress();
            ProxyRoute route = direct ? ProxyRoute.direct(options.listen().getHostString(), recorder.port())
                    : ProxyRoute.reverse(recorder.port());
            DeviceProxySetting setting = DeviceProxy.point(adb, serial, route, markerFolder);
            return new Started(recorder, setting, caNote(adb, serial, client));
        } catch (AdbException | RuntimeException e) {
            recorder.close();
            throw e;
        }
    }

    /**
     * Whether the lab CA is in the device's system store (readable by the shell: {@code /system/etc/security/cacerts},
     * and since Android 14 the Conscrypt APEX), which apps that do not pin trust; else what that means for the run: for
     * an app, whether it trusts user CAs is its own (target API, network security config: APK-TRUSTS-USER-CA); a
     * mini-program's traffic goes through WeChat, which trusts none (docs/android-traffic.md).
     */
    private Localized caNote(AdbShell adb, String serial, ClientHosts client) {
        String name = ca.androidSystemFile().getFileName().toString();
        List<String> places = List.of("/system/etc/security/cacerts/" + name, "/apex/com.android.conscrypt/cacerts/" + name);
        try {
            AdbResult r = adb.run(List.of("-s", serial, "shell", "ls", places.get(0), places.get(1)), Duration.ofSeconds(15));
            for (String place : places) {
                if (r.stdout().contains(place)) {
                    return new Localized("实验室 CA 已在设备的系统证书库中（" + place + "）：未做证书锁定的应用的流量可以读取",
                            "lab CA in the device's system store (" + place + "): apps that do not pin their certificates can be read");
                }
            }
        } catch (AdbException e) {
            return new Localized("无法读取实验室 CA 是否在设备的系统证书库中：" + e.getMessage(),
                    "whether the lab CA is in the device's system store could not be read: " + e.getMessage());
        }
        String missingZh = "实验室 CA 不在设备的系统证书库中（" + name + "）：没有 root 无法装入；";
        String missingEn = "lab CA not in the device's system store (" + name + "): it cannot be installed there without root; ";
        if (client != null) {
            return new Localized(missingZh + "微信（" + client.packageName() + "）不信任任何用户证书，因此除非把实验室 CA 装入已 root 手机的"
                    + "系统证书库，小程序经微信发出的 HTTPS 流量都显示为不可见（docs/android-traffic.md）",
                    missingEn + "WeChat (" + client.packageName() + ") trusts no user CA, so the program's HTTPS through it shows as "
                            + "not visible unless the lab CA is in the system store of a rooted phone (docs/android-traffic.md)");
        }
        return new Localized(missingZh + "装在用户证书库中时，只有目标 API < 24 或网络安全配置信任用户证书的应用才信任它"
                + "（APK-TRUSTS-USER-CA）；其他应用的 HTTPS 流量都显示为不可见（docs/android-traffic.md）",
                missingEn + "in the user store it is trusted only by apps targeting API < 24 or whose network security config "
                        + "trusts user CAs (APK-TRUSTS-USER-CA); every other app's HTTPS shows as not visible (docs/android-traffic.md)");
    }

    /** A running capture: the proxy, the device's setting to put back, what the device's CA store says. */
    record Started(TrafficRecorder recorder, DeviceProxySetting setting, Localized caNote) {
    }
}
