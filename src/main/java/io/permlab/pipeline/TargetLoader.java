package io.permlab.pipeline;

import io.permlab.inspect.apk.ApkInspector;
import io.permlab.inspect.miniprogram.MiniProgramInspector;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.UnknownCategoryException;
import io.permlab.model.ProcessingError;
import io.permlab.model.AppFunction;
import io.permlab.model.Target;
import io.permlab.model.TargetKind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns the paths a user gives into targets: an .apk/.apks/.xapk or .wxapkg file, a mini-program folder with app.json,
 * a folder with target.json, or a folder searched (a few levels deep) for all of them. Every problem becomes a processing error on its target, never an abort.
 */
public final class TargetLoader {
    private static final int MAX_DEPTH = 4;
    private final KnowledgeBase knowledge;
    private final String categoryOverride;
    private final Set<TargetKind> accepted;
    private final TargetIds ids = new TargetIds();
    private final boolean listOthers;

    /**
     * A loader for 'permlab scan': every static kind. H5 targets found while searching a folder are listed as left
     * to 'permlab run', so that a user sees every target the folder holds.
     */
    public TargetLoader(KnowledgeBase knowledge, String categoryOverride) {
        this(knowledge, categoryOverride, java.util.EnumSet.of(TargetKind.APK, TargetKind.MINIPROGRAM), true);
    }

    /**
     * @param accepted the kinds the command handles; targets of other kinds found while searching a folder are left
     *                 to the command that handles them, and named explicitly they are an error
     */
    public TargetLoader(KnowledgeBase knowledge, String categoryOverride, Set<TargetKind> accepted) {
        this(knowledge, categoryOverride, accepted, false);
    }

    private TargetLoader(KnowledgeBase knowledge, String categoryOverride, Set<TargetKind> accepted, boolean listOthers) {
        this.knowledge = knowledge;
        this.categoryOverride = categoryOverride;
        this.accepted = accepted;
        this.listOthers = listOthers;
    }

    public List<TargetSpec> load(List<Path> paths) {
        List<TargetSpec> out = new ArrayList<>();
        for (Path p : paths) {
            collect(p, 0, true, out);
        }
        return out;
    }

    private void collect(Path p, int depth, boolean explicit, List<TargetSpec> out) {
        if (!Files.exists(p)) {
            out.add(broken(p, "no such file or folder"));
        } else if (Files.isRegularFile(p)) {
            if (ApkInspector.handles(p) && accepted.contains(TargetKind.APK)) {
                out.add(apkFile(p));
            } else if (ApkInspector.handles(p) && explicit) {
                out.add(broken(p, "an APK is inspected by 'permlab scan'; exercising it needs an Android device (not supported by this command yet)"));
            } else if (MiniProgramInspector.isPackage(p) && accepted.contains(TargetKind.MINIPROGRAM)) {
                out.add(miniProgram(p, stripExtension(p.getFileName().toString())));
            } else if (explicit) {
                out.add(broken(p, "not a supported target (expected an .apk, .apks, .xapk or .wxapkg file, a mini-program folder "
                        + "with app.json, or a folder with " + TargetDescriptor.FILE + ")"));
            }
        } else if (Files.isRegularFile(p.resolve(TargetDescriptor.FILE))) {
            TargetSpec spec = described(p, explicit);
            if (spec != null) {
                out.add(spec);
            }
        } else if (accepted.contains(TargetKind.MINIPROGRAM) && MiniProgramInspector.handles(p)) {
            out.add(miniProgram(p, nameOf(p)));
        } else if (Files.isDirectory(p) && depth < MAX_DEPTH) {
            int before = out.size();
            for (Path child : children(p)) {
                collect(child, depth + 1, false, out);
            }
            if (explicit && out.size() == before) {
                out.add(broken(p, "no targets found (no .apk/.apks/.xapk/.wxapkg files, no mini-program folder with app.json and no "
                        + TargetDescriptor.FILE + " within " + MAX_DEPTH + " levels)"));
            }
        }
    }

    private static List<Path> children(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(c -> !c.getFileName().toString().startsWith("."))
                    .filter(c -> !c.getFileName().toString().equals("node_modules"))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private TargetSpec apkFile(Path file) {
        String name = file.getFileName().toString();
        Target t = new Target(uniqueId(stripExtension(name)), name, TargetKind.APK, file, null, List.of());
        return withCategory(t, null, List.of());
    }

    /** A mini-program found without target.json: a .wxapkg file, or a folder with app.json. */
    private TargetSpec miniProgram(Path location, String name) {
        Target t = new Target(uniqueId(name), name, TargetKind.MINIPROGRAM, location, null, List.of());
        return withCategory(t, null, List.of());
    }

    private TargetSpec described(Path dir, boolean explicit) {
        Path file = dir.resolve(TargetDescriptor.FILE);
        String fallbackName = nameOf(dir);
        TargetDescriptor d;
        try {
            d = TargetDescriptor.read(file);
        } catch (TargetDescriptor.TargetFileException e) {
            String id = uniqueId(fallbackName);
            Target t = new Target(id, fallbackName, TargetKind.UNKNOWN, null, null, List.of());
            return new TargetSpec(t, List.of(new ProcessingError(id, file.toString(), "target", e.getMessage())));
        }
        String name = d.name() != null ? d.name() : fallbackName;
        String id = uniqueId(fallbackName);
        List<ProcessingError> needProblems = new ArrayList<>();
        d = d.withFunctions(knownNeeds(d.functions(), id, file, needProblems));
        if (!accepted.contains(d.kind())) {
            if (!explicit) {
                // another command's target (an H5 app found by 'scan', an APK found by 'run'); the pipeline lists an
                // H5 app found by 'scan' as left to 'permlab run'
                return listOthers && d.kind() == TargetKind.H5
                        ? new TargetSpec(new Target(id, name, d.kind(), dir, null, d.functions(), d.site(), d.expect(), dir, null, null), List.of()) : null;
            }
            Target t = new Target(id, name, d.kind(), null, null, d.functions());
            return new TargetSpec(t, List.of(new ProcessingError(id, file.toString(), "target",
                    "kind '" + d.kind().id() + "' is " + (d.kind() == TargetKind.H5 ? "exercised by 'permlab run'" : "inspected by 'permlab scan'")
                            + ", not by this command")));
        }
        if (d.kind() == TargetKind.H5) {
            return withCategory(new Target(id, name, TargetKind.H5, dir, null, d.functions(), d.site(), d.expect(), dir, null, null),
                    d.category(), needProblems);
        }
        if (d.kind() == TargetKind.MINIPROGRAM) {
            Path source = dir.resolve(d.source()).normalize();
            return withCategory(new Target(id, name, TargetKind.MINIPROGRAM, source, null, d.functions(), null, d.expect(), dir, null,
                    d.miniProgram()), d.category(), needProblems);
        }
        if (d.kind() != TargetKind.APK) {
            Target t = new Target(id, name, d.kind(), null, null, d.functions());
            return new TargetSpec(t, List.of(new ProcessingError(id, file.toString(), "target",
                    "kind '" + d.kind().id() + "' is not inspected by 'permlab scan' yet")));
        }
        Path apk = dir.resolve(d.apk()).normalize();
        Target t = new Target(id, name, TargetKind.APK, apk, null, d.functions(), null, d.expect(), dir, d.android(), null);
        return withCategory(t, d.category(), needProblems);
    }

    /**
     * A function's "needs" keeps only permissions the knowledge base knows; an unknown one is an error on the target
     * naming its field (the target is still inspected: without the declaration, a blocked function is judged as usual).
     */
    private List<AppFunction> knownNeeds(List<AppFunction> functions, String id, Path file, List<ProcessingError> problems) {
        List<AppFunction> out = new ArrayList<>();
        for (int i = 0; i < functions.size(); i++) {
            AppFunction f = functions.get(i);
            List<String> known = new ArrayList<>();
            for (int j = 0; j < f.needs().size(); j++) {
                String need = f.needs().get(j);
                if (knowledge.webPermission(need).isPresent()) {
                    known.add(need);
                } else {
                    problems.add(new ProcessingError(id, file.toString(), "target", "field 'functions[" + i + "].needs[" + j
                            + "]': unknown permission '" + need + "' (known: " + String.join(", ", knowledge.webPermissionIds()) + ")"));
                }
            }
            out.add(new AppFunction(f.id(), f.name(), f.flow(), known));
        }
        return out;
    }

    /** The --category option wins over target.json; an unknown category is an error on the target, which is still inspected. */
    private TargetSpec withCategory(Target t, String declared, List<ProcessingError> problems) {
        String given = categoryOverride != null ? categoryOverride : declared;
        if (given == null) {
            return new TargetSpec(t, problems);
        }
        try {
            return new TargetSpec(t.withCategory(knowledge.category(given).id()), problems);
        } catch (UnknownCategoryException e) {
            List<ProcessingError> all = new ArrayList<>(problems);
            all.add(new ProcessingError(t.id(), t.location() == null ? null : t.location().toString(), "category", e.getMessage()));
            return new TargetSpec(t, all);
        }
    }

    private TargetSpec broken(Path p, String reason) {
        String id = uniqueId(stripExtension(nameOf(p)));
        TargetKind kind = ApkInspector.handles(p) ? TargetKind.APK : MiniProgramInspector.isPackage(p) ? TargetKind.MINIPROGRAM : TargetKind.UNKNOWN;
        Target t = new Target(id, p.toString(), kind, null, null, List.of());
        return new TargetSpec(t, List.of(new ProcessingError(id, p.toString(), "target", reason)));
    }

    /** The folder's own name even when given as "." or "apps/x/.." (ids are made safe from it later). */
    private static String nameOf(Path p) {
        Path name = p.toAbsolutePath().normalize().getFileName();
        return name == null ? "target" : name.toString();
    }

    private String uniqueId(String base) {
        return ids.unique(base);
    }

    private static String stripExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
