package io.permlab.device.storage;

import io.permlab.device.adb.AdbException;
import io.permlab.device.adb.AdbShell;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A TEST DOUBLE AT THE adb BOUNDARY ONLY — no device exists on the machines this is built on. It answers the shell
 * commands the storage reader sends as a device's shell does (formats in src/test/resources/android/storage/README.md):
 * {@code run-as PKG id} and {@code su -c id} as a debuggable app / rooted device or with the refusals a production device
 * prints (as the real {@code Adb} reports them: "adb -s SERIAL shell CMD exited with N: OUTPUT"), {@code find … -exec
 * stat -c '%s %n' {} +}, {@code cat} and toybox's 76-column {@code base64} over the app's files held here.
 */
final class StorageDevice implements AdbShell {
    static final String PKG = "com.example.delivery";
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final List<String> log = new ArrayList<>();
    private boolean debuggable;
    private boolean rooted;

    StorageDevice debuggable() {
        debuggable = true;
        return this;
    }

    StorageDevice rooted() {
        rooted = true;
        return this;
    }

    StorageDevice file(String path, byte[] content) {
        files.put(path, content);
        return this;
    }

    StorageDevice file(String path, String content) {
        return file(path, content.getBytes(StandardCharsets.UTF_8));
    }

    List<String> log() {
        return log;
    }

    @Override
    public String serial() {
        return "R5CT20STORAGE";
    }

    @Override
    public String shell(String command, Duration timeout) throws AdbException {
        log.add(command);
        if (command.equals("run-as " + PKG + " id")) {
            if (!debuggable) {
                throw failed(command, 1, "run-as: package not debuggable: " + PKG);
            }
            return "uid=10234(u0_a234) gid=10234(u0_a234) groups=10234(u0_a234),3003(inet),9997(everybody),20234(u0_a234_cache),"
                    + "50234(all_a234) context=u:r:untrusted_app:s0:c234,c256,c512,c768\n";
        }
        if (command.equals("su -c id")) {
            if (!rooted) {
                throw failed(command, 127, "/system/bin/sh: su: inaccessible or not found");
            }
            return "uid=0(root) gid=0(root) groups=0(root) context=u:r:magisk:s0\n";
        }
        String inner;
        if (command.startsWith("run-as " + PKG + " ") && debuggable) {
            inner = command.substring(("run-as " + PKG + " ").length());
        } else if (command.startsWith("su -c \"cd /data/data/" + PKG + " && ") && rooted) {
            inner = command.substring(("su -c \"cd /data/data/" + PKG + " && ").length(), command.length() - 1);
        } else {
            throw failed(command, 1, "run-as: package not debuggable: " + PKG);
        }
        if (inner.startsWith("find shared_prefs databases files ")) {
            StringBuilder out = new StringBuilder();
            files.forEach((path, content) -> out.append(content.length).append(' ').append(path).append('\n'));
            return out.toString();
        }
        String path = inner.substring(inner.indexOf('\'') + 1, inner.lastIndexOf('\''));
        byte[] content = files.get(path);
        if (content == null) {
            throw failed(command, 1, inner.substring(0, inner.indexOf(' ')) + ": " + path + ": No such file or directory");
        }
        if (inner.startsWith("cat ")) {
            return new String(content, StandardCharsets.UTF_8);
        }
        if (inner.startsWith("base64 ")) {
            return Base64.getMimeEncoder(76, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(content) + "\n";
        }
        throw failed(command, 127, "/system/bin/sh: " + inner.substring(0, inner.indexOf(' ')) + ": inaccessible or not found");
    }

    @Override
    public void install(Path apk, Duration timeout) {
        throw new UnsupportedOperationException("the storage reader installs nothing");
    }

    private AdbException failed(String command, int code, String output) {
        return new AdbException("adb -s " + serial() + " shell " + command + " exited with " + code + ": " + output);
    }
}
