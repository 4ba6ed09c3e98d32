package io.permlab.testng;

import io.permlab.model.Finding;
import io.permlab.model.TargetResult;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.Run;

import java.util.List;

/**
 * One TestNG test: a run of a function of a target, with the findings that concern exactly this run; or, with no
 * function and run, a target that could not be inspected (so that it is not missing from the results).
 */
public record RunCase(TargetResult target, FunctionExploration function, Run run, List<Finding> findings) {
    public RunCase {
        findings = List.copyOf(findings);
    }

    static RunCase notInspected(TargetResult target) {
        return new RunCase(target, null, null, List.of());
    }

    public boolean inspected() {
        return run != null;
    }

    public String name() {
        if (!inspected()) {
            return target.target().id() + " · not inspected";
        }
        return target.target().id() + " · " + function.functionId() + " · " + run.policy().id();
    }

    @Override
    public String toString() {
        return name();
    }
}
