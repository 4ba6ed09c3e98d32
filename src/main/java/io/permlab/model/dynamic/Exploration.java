package io.permlab.model.dynamic;

import io.permlab.model.EvidenceSection;

import java.util.List;

/**
 * Dynamic evidence for a target: the entry URL, the hosts that are the target's own (traffic elsewhere goes to a
 * third party), and each function's exploration.
 */
public record Exploration(String entryUrl, List<String> ownHosts, String session, List<FunctionExploration> functions)
        implements EvidenceSection {
    public Exploration {
        ownHosts = List.copyOf(ownHosts);
        functions = List.copyOf(functions);
    }
}
