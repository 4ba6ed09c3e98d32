package io.permlab.inspect;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A zip archive opened defensively: the magic bytes, the central directory, every entry name (no {@code ../},
 * absolute or drive paths) and every declared size and compression ratio are checked before anything is read,
 * and reads stop with an error if an entry inflates beyond what it declared. A name given twice is refused, as
 * Android's installer does.
 */
public final class SafeZip implements Closeable {
    private static final byte[] LOCAL_HEADER = {'P', 'K', 3, 4};
    private static final byte[] EMPTY_ARCHIVE = {'P', 'K', 5, 6};

    private final Path file;
    /** How messages name the archive: its path, or "bundle.apks!splits/base.apk" for a bundle's APK copied to scratch. */
    private final String shown;
    private final ZipFile zip;
    private final Map<String, ZipEntry> entries;
    private final InspectionLimits limits;

    private SafeZip(Path file, String shown, ZipFile zip, Map<String, ZipEntry> entries, InspectionLimits limits) {
        this.file = file;
        this.shown = shown;
        this.zip = zip;
        this.entries = entries;
        this.limits = limits;
    }

    public static SafeZip open(Path file, InspectionLimits limits) throws InspectionException {
        return open(file, file.toString(), limits);
    }

    /** @param shown how messages name the archive (a scratch copy is named after what it was copied from) */
    public static SafeZip open(Path file, String shown, InspectionLimits limits) throws InspectionException {
        String name = shown;
        checkMagic(file, name);
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new InspectionException(name, "truncated or corrupt zip archive: " + directoryDamage(e), e);
        } catch (IOException e) {
            throw new InspectionException(name, "cannot open: " + e.getMessage(), e);
        }
        try {
            return new SafeZip(file, shown, zip, checkEntries(zip, name, limits), limits);
        } catch (InspectionException | RuntimeException e) {
            closeQuietly(zip);
            if (e instanceof InspectionException ie) {
                throw ie;
            }
            throw new InspectionException(name, "corrupt zip central directory: an entry's record is inconsistent", e);
        }
    }

    private static void checkMagic(Path file, String name) throws InspectionException {
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, 4);
            if (n < 4) {
                throw new InspectionException(name, "not a zip archive (" + n + " bytes long)");
            }
        } catch (NoSuchFileException e) {
            throw new InspectionException(name, "no such file");
        } catch (AccessDeniedException e) {
            throw new InspectionException(name, "cannot read: permission denied");
        } catch (IOException e) {
            throw new InspectionException(name, "cannot read: " + e.getMessage(), e);
        }
        if (!java.util.Arrays.equals(head, LOCAL_HEADER) && !java.util.Arrays.equals(head, EMPTY_ARCHIVE)) {
            throw new InspectionException(name, String.format("not a zip archive (starts with %02X %02X %02X %02X, expected 50 4B 03 04)",
                    head[0], head[1], head[2], head[3]));
        }
    }

    private static Map<String, ZipEntry> checkEntries(ZipFile zip, String name, InspectionLimits limits) throws InspectionException {
        Map<String, ZipEntry> out = new LinkedHashMap<>();
        long total = 0;
        Enumeration<? extends ZipEntry> en = zip.entries();
        while (en.hasMoreElements()) {
            ZipEntry e = en.nextElement();
            if (out.size() >= limits.maxEntries()) {
                throw new InspectionException(name, "more than " + limits.maxEntries() + " entries");
            }
            String entryName = e.getName();
            String unsafe = unsafeName(entryName);
            if (unsafe != null) {
                throw new InspectionException(name, "entry '" + printable(entryName) + "' " + unsafe);
            }
            long size = e.getSize();
            long compressed = e.getCompressedSize();
            if (size > limits.maxEntryBytes()) {
                throw new InspectionException(name, "entry '" + printable(entryName) + "' declares " + size + " bytes, over the limit of " + limits.maxEntryBytes());
            }
            if (size > limits.ratioCheckAboveBytes() && compressed > 0 && size / compressed > limits.maxCompressionRatio()) {
                throw new InspectionException(name, "entry '" + printable(entryName) + "' expands " + (size / compressed)
                        + "x (" + compressed + " -> " + size + " bytes): zip bomb");
            }
            total += Math.max(size, 0);
            if (total > limits.maxTotalBytes()) {
                throw new InspectionException(name, "entries declare more than " + limits.maxTotalBytes() + " bytes in all: zip bomb");
            }
            if (!e.isDirectory() && out.putIfAbsent(entryName, e) != null) {
                // Readers disagree on which copy wins; Android's installer refuses the package outright.
                throw new InspectionException(name, "duplicate entry '" + printable(entryName)
                        + "': Android's installer rejects an archive with two entries of one name");
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** Why an entry name (of a zip, or of any archive PermLab reads) is unsafe to use as a path, or null. */
    public static String unsafeName(String n) {
        if (n.isEmpty()) {
            return "has an empty name";
        }
        if (n.indexOf('\0') >= 0) {
            return "contains a NUL character";
        }
        if (n.startsWith("/") || n.startsWith("\\") || (n.length() > 1 && n.charAt(1) == ':')) {
            return "is an absolute path";
        }
        for (String part : n.split("[/\\\\]")) {
            if (part.equals("..")) {
                return "climbs out of the archive with '..'";
            }
        }
        return null;
    }

    /**
     * A name read from an archive, safe to print: NUL as \\0, other control and format characters (a bell, a
     * right-to-left override that disguises an extension) as \\uXXXX.
     */
    public static String printable(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) {
                out.append("\\0");
            } else if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    public Path file() {
        return file;
    }

    public List<String> names() {
        return new ArrayList<>(entries.keySet());
    }

    public boolean has(String entry) {
        return entries.containsKey(entry);
    }

    public long declaredSize(String entry) {
        return entries.get(entry).getSize();
    }

    /** Opens an entry; the stream fails if it yields more bytes than the entry declared. */
    public InputStream open(String entry) throws InspectionException {
        ZipEntry e = entries.get(entry);
        if (e == null) {
            throw new InspectionException(shown + "!" + entry, "no such entry");
        }
        try {
            return new BoundedInputStream(zip.getInputStream(e), e.getSize() < 0 ? limits.maxEntryBytes() : e.getSize(), shown + "!" + entry);
        } catch (IOException ex) {
            throw new InspectionException(shown + "!" + entry, "cannot read entry: " + entryDamage(ex), ex);
        }
    }

    public byte[] read(String entry) throws InspectionException {
        try (InputStream in = open(entry)) {
            return in.readAllBytes();
        } catch (IOException ex) {
            throw new InspectionException(shown + "!" + entry, "cannot read entry: " + entryDamage(ex), ex);
        }
    }

    /** Copies an entry to {@code dest}, which the caller has placed inside its own work folder. */
    public void extract(String entry, Path dest) throws InspectionException {
        try (InputStream in = open(entry);
             OutputStream out = Files.newOutputStream(dest, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            in.transferTo(out);
        } catch (IOException ex) {
            throw new InspectionException(shown + "!" + entry, "cannot extract entry: " + entryDamage(ex), ex);
        }
    }

    /** What a failure to open the archive says about it, in words; java.util.zip's own text is terse jargon. */
    private static String directoryDamage(ZipException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("END header")) {
            return "the end-of-central-directory record is missing (the file is cut short or not a whole zip)";
        }
        return "its central directory is damaged";
    }

    /** What a failure while reading an entry says about it: our own bomb message, or the kind of damage. */
    private static String entryDamage(IOException e) {
        if (e instanceof ZipBombException) {
            return e.getMessage();
        }
        if (e instanceof EOFException) {
            return "the archive ends inside it (truncated)";
        }
        if (e instanceof ZipException) {
            return String.valueOf(e.getMessage()).contains("LOC header")
                    ? "its local header does not match the central directory (corrupt archive)"
                    : "its compressed data is corrupt";
        }
        return String.valueOf(e.getMessage()); // the system's own words for a disk or permission failure
    }

    @Override
    public void close() {
        closeQuietly(zip);
    }

    private static void closeQuietly(ZipFile z) {
        try {
            z.close();
        } catch (IOException ignored) {
            // nothing was written; closing a read-only zip cannot lose data
        }
    }

    /** Counts bytes and fails once an entry inflates past its declared size (a lying zip bomb). */
    private static final class BoundedInputStream extends InputStream {
        private final InputStream in;
        private final long limit;
        private final String what;
        private long count;

        BoundedInputStream(InputStream in, long limit, String what) {
            this.in = in;
            this.limit = limit;
            this.what = what;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                bump(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                bump(n);
            }
            return n;
        }

        private void bump(long n) throws IOException {
            count += n;
            if (count > limit) {
                throw new ZipBombException(what + " inflates past its declared " + limit + " bytes: zip bomb");
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** An entry produced more bytes than it declared. */
    static final class ZipBombException extends EOFException {
        ZipBombException(String message) {
            super(message);
        }
    }
}
