package io.permlab.model;

import java.nio.file.Path;
import java.util.List;

/**
 * What is inspected. {@code categoryId} is a category id from the knowledge base, or null when nobody said;
 * rules that judge necessity then stay silent and the report says the category is missing.
 */
public record Target(String id, String name, TargetKind kind, Path location, String categoryId, List<AppFunction> functions) {
    public Target {
        functions = functions == null ? List.of() : List.copyOf(functions);
    }

    public Target withCategory(String category) {
        return new Target(id, name, kind, location, category, functions);
    }
}
