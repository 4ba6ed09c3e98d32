package io.permlab.device.adbproxy;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A device proxy PermLab set, until it is put back. {@link #close()} restores the previous setting, removes the adb
 * reverse and deletes the marker; a JVM shutdown hook does the same if the run is interrupted; a restore that fails
 * (device unplugged) keeps the marker, and the next run on that folder restores the device.
 */
public final class DeviceProxySetting implements AutoCloseable {
    private final AdbShell adb;
    private final ProxyMarker marker;
    private final AtomicBoolean restored = new AtomicBoolean();
    private final Thread hook;

    /** {@code guarded}: restored by a JVM shutdown hook too, until {@link #close()}. */
    DeviceProxySetting(AdbShell adb, ProxyMarker marker, boolean guarded) {
        this.adb = adb;
        this.marker = marker;
        this.hook = guarded ? new Thread(this::restoreQuietly, "permlab-restore-proxy-" + marker.udid()) : null;
        if (hook != null) {
            Runtime.getRuntime().addShutdownHook(hook);
        }
    }

    public String udid() {
        return marker.udid();
    }

    /** The device's setting before PermLab's, or null when it had none. */
    public String previous() {
        return marker.previous();
    }

    Thread shutdownHook() {
        return hook;
    }

    @Override
    public void close() throws AdbException {
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: it restores
            }
        }
        restore();
    }

    void restore() throws AdbException {
        if (!restored.compareAndSet(false, true)) {
            return;
        }
        String udid = marker.udid();
        try {
            if (marker.previous() == null) {
                DeviceProxy.shell(adb, udid, "clear the proxy", List.of("shell", "settings", "put", "global", "http_proxy", ":0"));
                DeviceProxy.shell(adb, udid, "delete the proxy setting", List.of("shell", "settings", "delete", "global", "http_proxy"));
            } else {
                DeviceProxy.shell(adb, udid, "restore the proxy", List.of("shell", "settings", "put", "global", "http_proxy", marker.previous()));
            }
            if (marker.reversePort() > 0) {
                // Already gone when the device was reconnected; that is the state we want.
                adb.run(List.of("-s", udid, "reverse", "--remove", "tcp:" + marker.reversePort()), DeviceProxy.TIMEOUT);
            }
        } catch (AdbException e) {
            throw new AdbException("could not restore the proxy of device " + udid + " (" + e.getMessage() + "); "
                    + marker.file() + " is kept so the next run restores it", e);
        }
        try {
            marker.delete();
        } catch (IOException e) {
            throw new AdbException("device " + udid + " restored, but its marker " + marker.file() + " could not be deleted: "
                    + e.getMessage(), e);
        }
    }

    private void restoreQuietly() {
        try {
            restore();
        } catch (AdbException e) {
            System.err.println("PermLab: " + e.getMessage());
        }
    }
}
