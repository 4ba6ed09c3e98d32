package io.permlab.testsupport;

import io.permlab.inspect.InspectionException;
import io.permlab.inspect.InspectionLimits;
import io.permlab.inspect.miniprogram.MiniProgramInspector;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;

/**
 * The project's mini-program fixtures (src/test/fixtures/miniprogram/<name>/, source folders) and packages built from
 * them by {@link WxapkgPacker}, run through the real inspector once per JVM. A reference is "mp/<name>" (the folder),
 * "mp/<name>.wxapkg" (its files packed as they are) or "mp/<name>.compiled.wxapkg" (the compiled layout).
 */
public final class MiniProgramFixtures {
    public static final String PREFIX = "mp/";
    private static final Map<String, MiniProgramInspector.Result> INSPECTED = new HashMap<>();

    private MiniProgramFixtures() {
    }

    public static boolean isReference(String reference) {
        return reference.startsWith(PREFIX);
    }

    public static Path sourcesRoot() {
        String basedir = System.getProperty("basedir", System.getProperty("user.dir"));
        return Paths.get(basedir, "src", "test", "fixtures", "miniprogram").toAbsolutePath();
    }

    /** The fixture's folder, for a reference with or without a package suffix. */
    public static Path folder(String reference) {
        String name = reference.substring(PREFIX.length()).replaceAll("(\\.compiled)?\\.wxapkg$", "");
        Path dir = sourcesRoot().resolve(name);
        if (!Files.isRegularFile(dir.resolve("app.json"))) {
            throw new IllegalArgumentException("no mini-program fixture '" + name + "': expected app.json in " + dir);
        }
        return dir;
    }

    /** The folder, or the package built from it. */
    public static synchronized Path file(String reference) {
        Path dir = folder(reference);
        if (!reference.endsWith(".wxapkg")) {
            return dir;
        }
        Path out = outputDir().resolve(reference.substring(PREFIX.length()));
        var files = WxapkgPacker.files(dir);
        return WxapkgPacker.write(out, WxapkgPacker.pack(reference.endsWith(".compiled.wxapkg") ? CompiledLayout.single(files) : files));
    }

    public static synchronized MiniProgramInspector.Result inspect(String reference) {
        MiniProgramInspector.Result cached = INSPECTED.get(reference);
        if (cached != null) {
            return cached;
        }
        try {
            MiniProgramInspector.Result r = new MiniProgramInspector(InspectionLimits.defaults(), io.permlab.knowledge.KnowledgeBase.builtIn().miniProgramApis()).inspect(file(reference), null);
            INSPECTED.put(reference, r);
            return r;
        } catch (InspectionException e) {
            throw new AssertionError("the inspector rejected fixture " + reference + ": " + e.oneLine(), e);
        }
    }

    public static Path outputDir() {
        return Paths.get(System.getProperty("permlab.buildDir", "target"), "fixture-wxapkg").toAbsolutePath();
    }
}
