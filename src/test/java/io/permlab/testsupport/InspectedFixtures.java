package io.permlab.testsupport;

import io.permlab.inspect.InspectionException;
import io.permlab.inspect.InspectionLimits;
import io.permlab.inspect.apk.ApkInspector;
import io.permlab.knowledge.KnowledgeBase;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Fixture APKs (and bundles of them) run through the real {@link ApkInspector}, once per JVM. A fixture reference is
 * a fixture name ("food-delivery") or a bundle: "clean-app+ads-split.apks" / "clean-app+ads-split.xapk".
 */
public final class InspectedFixtures {
    private static final Map<String, ApkInspector.Result> INSPECTED = new HashMap<>();

    private InspectedFixtures() {
    }

    public static synchronized ApkInspector.Result inspect(String reference) {
        ApkInspector.Result cached = INSPECTED.get(reference);
        if (cached != null) {
            return cached;
        }
        Path file = file(reference);
        ApkInspector inspector = new ApkInspector(KnowledgeBase.builtIn(), InspectionLimits.defaults());
        Path work = FixtureApks.scratchDir("inspect-");
        try {
            ApkInspector.Result result = inspector.inspect(file, work);
            INSPECTED.put(reference, result);
            return result;
        } catch (InspectionException e) {
            throw new AssertionError("the inspector rejected fixture " + reference + ": " + e.oneLine(), e);
        } finally {
            FixtureApks.deleteTree(work); // facts hold no reference to the work folder, as in the pipeline
        }
    }

    /** The file a fixture reference names, built (or bundled) on first use. */
    public static Path file(String reference) {
        int plus = reference.indexOf('+');
        if (plus < 0) {
            return FixtureApks.build(reference);
        }
        int dot = reference.lastIndexOf('.');
        if (dot < plus) {
            throw new IllegalArgumentException("bundle reference '" + reference + "': expected base+split.apks or base+split.xapk");
        }
        return FixtureApks.bundle(reference.substring(dot + 1), reference.substring(0, plus), reference.substring(plus + 1, dot));
    }
}
