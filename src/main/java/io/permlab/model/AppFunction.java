package io.permlab.model;

import java.util.List;

/**
 * A business function of a target ("add delivery address"), exercised by the flow file it names. {@code needs} lists
 * the permissions (web-permissions.json ids) the target says the function exists to use — an extended function whose
 * input is what the permission reaches, such as a step ranking and WeRun: that it stops when one is refused is then
 * recorded for a person to judge, not reported as a violation.
 */
public record AppFunction(String id, String name, String flow, List<String> needs) {
    public AppFunction {
        needs = needs == null ? List.of() : List.copyOf(needs);
    }

    public AppFunction(String id, String name, String flow) {
        this(id, name, flow, List.of());
    }
}
