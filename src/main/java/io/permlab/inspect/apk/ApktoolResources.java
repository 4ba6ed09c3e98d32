package io.permlab.inspect.apk;

import brut.androlib.Config;
import brut.androlib.exceptions.AndrolibException;
import brut.androlib.meta.ApkInfo;
import brut.androlib.res.decoder.BinaryXmlResourceParser;
import brut.androlib.res.table.ResEntry;
import brut.androlib.res.table.ResEntrySpec;
import brut.androlib.res.table.ResPackage;
import brut.androlib.res.table.ResTable;
import brut.androlib.res.table.value.ResFileReference;
import brut.directory.ExtFile;
import org.xmlpull.v1.XmlPullParser;
import org.xmlpull.v1.XmlPullParserException;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * apktool's resource table and binary-XML parser, set up for reading a manifest fast: the app's own
 * resources.arsc is loaded (so {@code @xml/...} references resolve), but the Android framework table is replaced
 * by an empty stand-in, so apktool never spends a second loading its 4 MB framework to name attributes; attribute
 * names then come from the binary XML's own string pool, which is what aapt writes.
 */
final class ApktoolResources {
    /** Held strongly: java.util.logging forgets unreferenced loggers and their levels. */
    private static final Logger APKTOOL_LOG = Logger.getLogger("brut");
    private static final String APKTOOL_VERSION = "3.0.3";

    static {
        APKTOOL_LOG.setLevel(Level.OFF);
    }

    private final ResTable table;
    private final String tableProblem;

    private ApktoolResources(ResTable table, String tableProblem) {
        this.table = table;
        this.tableProblem = tableProblem;
    }

    /**
     * Loads the APK's resource table ({@code arsc}, null when the APK has none); a corrupt table is noted, not fatal:
     * references just stay unresolved. Its chunk headers are checked first, so apktool never allocates for a count
     * the table cannot hold.
     */
    static ApktoolResources load(Path apk, Path scratchDir, byte[] arsc) {
        Config config = config(scratchDir);
        if (arsc == null) {
            return new ApktoolResources(unloaded(apk, config), null);
        }
        String damage = BinaryChunks.problem(arsc);
        if (damage == null) {
            try {
                ResTable table = newTable(apk, config);
                table.load();
                return new ApktoolResources(table, null);
            } catch (AndrolibException | RuntimeException | OutOfMemoryError | AssertionError e) {
                damage = ReadFailure.of(e);
            }
        }
        return new ApktoolResources(unloaded(apk, config), tableProblem(damage));
    }

    static String tableProblem(String damage) {
        return "resources.arsc: the resource table could not be read: " + damage + "; resource references stay unresolved";
    }

    private static Config config(Path scratchDir) {
        Config config = new Config(APKTOOL_VERSION);
        // Never used (the framework is stubbed), but apktool must not default to ~/.local/share/apktool.
        config.setFrameworkDirectory(scratchDir.resolve("apktool-framework").toString());
        return config;
    }

    private static ResTable newTable(Path apk, Config config) throws AndrolibException {
        ApkInfo info = new ApkInfo();
        info.setApkFile(new ExtFile(apk.toFile()));
        ResTable table = new ResTable(info, config);
        table.addPackageGroup(ResTable.SYS_PACKAGE_ID, "android");
        return table;
    }

    private static ResTable unloaded(Path apk, Config config) {
        try {
            return newTable(apk, config);
        } catch (AndrolibException e) {
            throw new IllegalStateException("apktool refused an empty resource table", e);
        }
    }

    String tableProblem() {
        return tableProblem;
    }

    XmlPullParser parser(byte[] binaryXml) throws XmlPullParserException {
        BinaryXmlResourceParser parser = new BinaryXmlResourceParser(table, true, true);
        parser.setInput(new ByteArrayInputStream(binaryXml), null);
        return parser;
    }

    /** The file inside the APK that a reference such as "@xml/network_security_config" names, or null. */
    String filePath(String reference) {
        if (reference == null || !reference.startsWith("@") || !reference.contains("/")) {
            return null;
        }
        String type = reference.substring(1, reference.indexOf('/'));
        String name = reference.substring(reference.indexOf('/') + 1);
        ResPackage pkg = table.getMainPackage();
        if (pkg == null) {
            return null;
        }
        for (ResEntrySpec spec : pkg.listEntrySpecs()) {
            if (spec.getName().equals(name) && spec.getTypeSpec().getName().equals(type)) {
                try {
                    ResEntry entry = table.resolveEntry(spec.getResId());
                    if (entry.getValue() instanceof ResFileReference ref) {
                        return ref.getPath();
                    }
                } catch (AndrolibException e) {
                    return null;
                }
            }
        }
        return null;
    }

}
