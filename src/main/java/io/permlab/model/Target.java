package io.permlab.model;

import java.nio.file.Path;
import java.util.List;

/**
 * What is inspected. {@code categoryId} is a category id from the knowledge base, or null when nobody said;
 * rules that judge necessity then stay silent and the report says the category is missing. {@code site} is what an H5
 * target needs to be exercised (null for other kinds); {@code expect} what its target.json says it should conclude
 * (null when it does not say). Everything is read once, from target.json, by the loader.
 */
public record Target(String id, String name, TargetKind kind, Path location, String categoryId, List<AppFunction> functions,
                     H5Site site, Expectation expect) {
    public Target {
        functions = functions == null ? List.of() : List.copyOf(functions);
    }

    public Target(String id, String name, TargetKind kind, Path location, String categoryId, List<AppFunction> functions) {
        this(id, name, kind, location, categoryId, functions, null, null);
    }

    /** The same target under another id (a campaign names its rows "name-version"). */
    public Target withId(String newId) {
        return new Target(newId, name, kind, location, categoryId, functions, site, expect);
    }

    public Target withCategory(String category) {
        return new Target(id, name, kind, location, category, functions, site, expect);
    }
}
