package io.permlab.model;

import java.nio.file.Path;
import java.util.List;

/**
 * What is inspected. {@code categoryId} is a category id from the knowledge base, or null when nobody said;
 * rules that judge necessity then stay silent and the report says the category is missing. {@code folder} is where its
 * target.json lives (flows are found from there; null for a bare file or folder). What each kind needs to be exercised
 * is in a typed part, null for the other kinds: {@code site} (H5), {@code android} (an APK on a device),
 * {@code miniProgram} (a mini-program in PermLab's runtime). {@code expect} is what target.json says an inspection
 * should conclude (null when it does not say). Everything is read once, from target.json, by the loader.
 */
public record Target(String id, String name, TargetKind kind, Path location, String categoryId, List<AppFunction> functions,
                     H5Site site, Expectation expect, Path folder, AndroidApp android, MiniProgramRun miniProgram) {
    public Target {
        functions = functions == null ? List.of() : List.copyOf(functions);
    }

    public Target(String id, String name, TargetKind kind, Path location, String categoryId, List<AppFunction> functions,
                  H5Site site, Expectation expect) {
        this(id, name, kind, location, categoryId, functions, site, expect, null, null, null);
    }

    public Target(String id, String name, TargetKind kind, Path location, String categoryId, List<AppFunction> functions) {
        this(id, name, kind, location, categoryId, functions, null, null);
    }

    /** The same target under another id (a campaign names its rows "name-version"). */
    public Target withId(String newId) {
        return new Target(newId, name, kind, location, categoryId, functions, site, expect, folder, android, miniProgram);
    }

    /** The same target under another id, name and location (the masked record reports show). */
    public Target renamed(String newId, String newName, Path newLocation) {
        return new Target(newId, newName, kind, newLocation, categoryId, functions, site, expect, folder, android, miniProgram);
    }

    public Target withCategory(String category) {
        return new Target(id, name, kind, location, category, functions, site, expect, folder, android, miniProgram);
    }
}
