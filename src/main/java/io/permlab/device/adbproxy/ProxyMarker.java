package io.permlab.device.adbproxy;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * A note left in the output folder while a device's proxy points at PermLab: the device, its previous setting and
 * the reverse port. Written before anything on the device changes and deleted only after it is put back, so a run
 * that crashed, or was killed, leaves what the next run needs to restore the device.
 */
record ProxyMarker(Path file, String udid, String previous, String setTo, int reversePort) {
    static final String PREFIX = ".permlab-device-proxy-";
    static final String SUFFIX = ".properties";

    static Path fileFor(Path folder, String udid) {
        return folder.resolve(PREFIX + udid.replaceAll("[^A-Za-z0-9._-]", "_") + SUFFIX);
    }

    /** {@code previous} null: the device had no proxy. {@code reversePort} 0: no adb reverse. */
    static ProxyMarker write(Path folder, String udid, String previous, String setTo, int reversePort) throws IOException {
        Properties p = new Properties();
        p.setProperty("udid", udid);
        if (previous != null) {
            p.setProperty("previous", previous);
        }
        p.setProperty("setTo", setTo);
        p.setProperty("reversePort", Integer.toString(reversePort));
        Files.createDirectories(folder);
        Path file = fileFor(folder, udid);
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            p.store(out, "PermLab set this device's proxy; the next run restores 'previous' if this file is still here");
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new ProxyMarker(file, udid, previous, setTo, reversePort);
    }

    static List<ProxyMarker> readAll(Path folder) throws AdbException {
        List<ProxyMarker> out = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return out;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, PREFIX + "*" + SUFFIX)) {
            for (Path f : files) {
                out.add(read(f));
            }
        } catch (IOException e) {
            throw new AdbException("cannot read device proxy markers in " + folder + ": " + e.getMessage(), e);
        }
        return out;
    }

    static ProxyMarker read(Path file) throws AdbException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new AdbException(file + ": unreadable device proxy marker: " + e.getMessage(), e);
        }
        String udid = p.getProperty("udid");
        String previous = p.getProperty("previous");
        String setTo = p.getProperty("setTo");
        if (!ProxyValues.isSafe(udid) || !ProxyValues.isSafe(setTo) || previous != null && !ProxyValues.isSafe(previous)) {
            throw new AdbException(file + ": field 'udid', 'setTo' or 'previous' is missing or not a device serial / host:port;"
                    + " restore the device's proxy by hand (adb shell settings put global http_proxy :0) and delete the file");
        }
        try {
            return new ProxyMarker(file, udid, previous, setTo, Integer.parseInt(p.getProperty("reversePort", "0").strip()));
        } catch (NumberFormatException e) {
            throw new AdbException(file + ": field 'reversePort' is not a number: " + p.getProperty("reversePort"), e);
        }
    }

    void delete() throws IOException {
        Files.deleteIfExists(file);
    }
}
