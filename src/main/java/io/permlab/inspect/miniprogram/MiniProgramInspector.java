package io.permlab.inspect.miniprogram;

import io.permlab.inspect.InspectionException;
import io.permlab.inspect.InspectionLimits;
import io.permlab.inspect.miniprogram.secrets.SecretScanner;
import io.permlab.knowledge.miniprogram.MiniProgramApis;
import io.permlab.model.miniprogram.ExposedSecret;
import io.permlab.model.miniprogram.MiniProgramFacts;
import io.permlab.model.miniprogram.Owner;
import io.permlab.model.miniprogram.UnanalysedFile;
import io.permlab.model.miniprogram.WxmlHook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Static inspection of a WeChat mini-program: a source folder with app.json (WeChat's own, or a uni-app or Taro build
 * for WeChat), a .wxapkg package (PC packages decrypted with the app id), or a folder of packages (a main package
 * and its subpackages). Reads app.json, the pages' and components' .json and .wxml, and every JavaScript file with
 * a real parser, in parallel. Packages are read in memory: nothing is written anywhere. A file that cannot be
 * analysed is a problem on the target and the rest is still read; a package or app.json that cannot be read at all
 * fails the target with one line.
 */
public final class MiniProgramInspector {
    /** WeChat itself caps all packages of a mini-program at a few tens of MB; far larger input is not a mini-program. */
    static final long MAX_PACKAGE_BYTES = 256L << 20;
    /** Limits for the files read whole: configuration JSON and markup are small in any real mini-program. */
    static final long MAX_CONFIG_BYTES = 8L << 20;
    private static final long MAX_MARKUP_BYTES = 8L << 20;
    private static final int MAX_TS_PROBLEMS = 20;
    /** Daemon threads with a deep stack: the parser recurses on nesting, and a finished batch must not wait on them. */
    private static final ExecutorService WORKERS = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
        Thread t = new Thread(null, r, "permlab-js", 16L << 20);
        t.setDaemon(true);
        return t;
    });

    /** A part of the target that could not be used: the file (on disk, or package!/path) and why. */
    public record Problem(String file, String message) {
    }

    public record Result(MiniProgramFacts facts, List<Problem> problems) {
    }

    private final InspectionLimits limits;
    private final MiniProgramApis apis;

    /** @param apis the API catalogue of the knowledge this run loaded (KnowledgeBase.miniProgramApis()) */
    public MiniProgramInspector(InspectionLimits limits, MiniProgramApis apis) {
        this.limits = limits;
        this.apis = apis;
    }

    /** The name WeChat's clients give a main package; the packages beside it are its subpackages. */
    static final String MAIN_PACKAGE = "__APP__.wxapkg";

    /**
     * A .wxapkg file; a folder holding app.json or project.config.json; or a folder holding a main package
     * (__APP__.wxapkg) with its subpackages, one mini-program. Other folders of packages hold one target per package.
     */
    public static boolean handles(Path p) {
        if (Files.isRegularFile(p)) {
            return isPackage(p);
        }
        return Files.isRegularFile(p.resolve(AppConfig.SOURCE_FILE)) || Files.isRegularFile(p.resolve(ProjectConfig.FILE))
                || Files.isRegularFile(p.resolve(MAIN_PACKAGE));
    }

    public static boolean isPackage(Path p) {
        return p.getFileName() != null && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".wxapkg");
    }

    /**
     * @param appId the app id for encrypted PC packages; without one, it is taken from a wx… folder in the path
     */
    public Result inspect(Path location, String appId) throws InspectionException {
        Problems problems = new Problems();
        Opened opened = open(location, appId);
        MiniProgramFiles files = opened.files();
        if (files instanceof PackageFiles pf) {
            pf.duplicates().forEach(d -> problems.add(location.toString(), d));
        }
        String configPath = files.exists(AppConfig.SOURCE_FILE) ? AppConfig.SOURCE_FILE
                : files.exists(AppConfig.COMPILED_FILE) ? AppConfig.COMPILED_FILE : null;
        if (configPath == null) {
            throw new InspectionException(location.toString(), "no app.json (nor app-config.json): not a mini-program, "
                    + "or a subpackage without its main package");
        }
        AppConfig config = AppJsonReader.read(new SourceText(files.shown(configPath), files.text(configPath, MAX_CONFIG_BYTES)),
                files.display(configPath), (at, message) -> problems.add(files.display(configPath), at, message));
        ProjectConfig project = ProjectConfig.read(files, problems);
        OwnerMap owners = OwnerMap.build(files, config, problems);
        List<WxmlHook> hooks = markup(files, owners, problems);
        FactsAssembler assembler = new FactsAssembler(owners, hooks, apis);
        List<UnanalysedFile> unanalysed = new ArrayList<>();
        int analysed = scripts(files, owners, assembler, unanalysed, problems);
        String id = project.appId() != null ? project.appId() : opened.appId();
        MiniProgramFacts facts = new MiniProgramFacts(id, opened.packaging(), Framework.detect(files), project.libVersion(),
                config.declarations(), owners.owners(), assembler.calls, hooks, assembler.endpoints, assembler.requirements,
                analysed, unanalysed, files.packages(), secrets(files, problems));
        return new Result(facts, problems.all());
    }

    /** Credentials shipped in code, configuration and markup (project.config.json's public app id is not one). */
    private static List<ExposedSecret> secrets(MiniProgramFiles files, Problems problems) {
        List<ExposedSecret> found = new ArrayList<>();
        for (String path : files.paths()) {
            String lower = path.toLowerCase(Locale.ROOT);
            if (!(lower.endsWith(".js") || lower.endsWith(".json") || lower.endsWith(".wxml") || lower.endsWith(".wxs"))) {
                continue;
            }
            boolean script = lower.endsWith(".js");
            try {
                if (script && files.size(path) > ScriptAnalysis.MAX_BYTES) {
                    continue; // refused by the script analysis already, and reported there as not analysed
                }
                found.addAll(SecretScanner.scan(files.shown(path), files.text(path, script ? ScriptAnalysis.MAX_BYTES : MAX_CONFIG_BYTES)));
            } catch (InspectionException e) {
                problems.add(e.file(), e.getMessage() + "; not searched for shipped credentials");
            }
        }
        return found;
    }

    private record Opened(MiniProgramFiles files, String packaging, String appId) {
    }

    private Opened open(Path location, String appId) throws InspectionException {
        if (Files.isRegularFile(location)) {
            String id = appId != null ? appId : WxapkgDecryptor.appIdFromPath(location);
            PackageReading read = readPackage(location, id);
            return new Opened(new PackageFiles(List.of(read.pkg()), false), read.encrypted() ? "wxapkg (PC, decrypted)" : "wxapkg",
                    read.encrypted() ? id : null);
        }
        if (!Files.isDirectory(location)) {
            throw new InspectionException(location.toString(), "no such file or folder");
        }
        Path root = ProjectConfig.miniprogramRoot(location);
        if (Files.isRegularFile(root.resolve(AppConfig.SOURCE_FILE)) || Files.isRegularFile(root.resolve(AppConfig.COMPILED_FILE))) {
            return new Opened(FolderFiles.open(root, limits), "source", null);
        }
        List<Path> packages = packagesIn(location);
        if (packages.isEmpty()) {
            throw new InspectionException(location.toString(), "no app.json and no .wxapkg packages: not a mini-program folder");
        }
        List<Wxapkg> read = new ArrayList<>();
        boolean encrypted = false;
        String id = appId != null ? appId : WxapkgDecryptor.appIdFromPath(packages.get(0));
        for (Path p : packages) {
            PackageReading r = readPackage(p, id);
            encrypted |= r.encrypted();
            read.add(r.pkg());
        }
        read.sort((a, b) -> Boolean.compare(!isMain(a), !isMain(b)));
        return new Opened(new PackageFiles(read, true), encrypted ? "wxapkg (PC, decrypted)" : "wxapkg", encrypted ? id : null);
    }

    private static boolean isMain(Wxapkg p) {
        return p.has(AppConfig.COMPILED_FILE) || p.has(AppConfig.SOURCE_FILE);
    }

    private static List<Path> packagesIn(Path dir) throws InspectionException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isRegularFile(p) && isPackage(p)).sorted().toList();
        } catch (IOException e) {
            throw new InspectionException(dir.toString(), "cannot list the folder: " + e.getMessage(), e);
        }
    }

    private record PackageReading(Wxapkg pkg, boolean encrypted) {
    }

    private PackageReading readPackage(Path file, String appId) throws InspectionException {
        String name = file.toString();
        byte[] data;
        try {
            long size = Files.size(file);
            if (size > MAX_PACKAGE_BYTES) {
                throw new InspectionException(name, size + " bytes, over the limit of " + MAX_PACKAGE_BYTES + " for a mini-program package");
            }
            data = Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InspectionException(name, "no such file");
        } catch (IOException e) {
            throw new InspectionException(name, "cannot read: " + e.getMessage(), e);
        }
        boolean encrypted = WxapkgDecryptor.encrypted(data);
        if (encrypted) {
            data = WxapkgDecryptor.decrypt(name, data, appId);
        }
        return new PackageReading(WxapkgReader.read(name, data, limits), encrypted);
    }

    private static List<WxmlHook> markup(MiniProgramFiles files, OwnerMap owners, Problems problems) {
        List<WxmlHook> hooks = new ArrayList<>();
        boolean anyWxml = false;
        for (Owner o : owners.owners()) {
            String wxml = o.path() + ".wxml";
            if (!files.exists(wxml)) {
                continue;
            }
            anyWxml = true;
            try {
                hooks.addAll(WxmlScanner.scan(o.path(), new SourceText(files.shown(wxml), files.text(wxml, MAX_MARKUP_BYTES))));
            } catch (InspectionException e) {
                problems.add(e.file(), e.getMessage() + "; its bindings were not read");
            }
        }
        if (!anyWxml) {
            hooks.addAll(CompiledMarkup.scan(files, owners, problems));
        }
        return hooks;
    }

    /**
     * Analyses every .js file in parallel. TypeScript is reported as not analysed, never skipped silently; type
     * declarations (.d.ts, shipped beside the JavaScript of npm components) hold no code and are not counted.
     */
    private int scripts(MiniProgramFiles files, OwnerMap owners, FactsAssembler assembler, List<UnanalysedFile> unanalysed,
                        Problems problems) throws InspectionException {
        List<String> scripts = new ArrayList<>();
        int typescript = 0;
        for (String path : files.paths()) {
            String lower = path.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".js")) {
                scripts.add(path);
            } else if (lower.matches(".*\\.(ts|tsx|mts|cts)$") && !lower.matches(".*\\.d\\.(ts|mts|cts)$")) {
                unanalysed.add(new UnanalysedFile(files.shown(path), "TypeScript is not analysed", null, null));
                if (++typescript <= MAX_TS_PROBLEMS) {
                    problems.add(files.display(path), "TypeScript is not analysed (PermLab reads JavaScript): scan the compiled "
                            + "JavaScript output of this mini-program to cover this file");
                }
            }
        }
        if (typescript > MAX_TS_PROBLEMS) {
            problems.add(files.display(""), (typescript - MAX_TS_PROBLEMS) + " more TypeScript files were not analysed");
        }
        List<Future<ScriptAnalysis.Outcome>> jobs = new ArrayList<>();
        for (String path : scripts) {
            String module = OwnerMap.stripExtension(path);
            jobs.add(WORKERS.submit(() -> ScriptAnalysis.analyse(files, path, module, apis)));
        }
        int analysed = 0;
        for (int i = 0; i < jobs.size(); i++) {
            ScriptAnalysis.Outcome outcome = outcome(jobs.get(i), files.display(scripts.get(i)));
            if (outcome.facts() != null) {
                assembler.add(outcome.facts());
                analysed++;
            } else {
                unanalysed.add(outcome.unanalysed());
                problems.add(files.display(scripts.get(i)), outcome.problem());
            }
        }
        return analysed;
    }

    private static ScriptAnalysis.Outcome outcome(Future<ScriptAnalysis.Outcome> job, String file) throws InspectionException {
        try {
            return job.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InspectionException(file, "interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new InspectionException(file, "analysis failed: " + cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
        }
    }
}
