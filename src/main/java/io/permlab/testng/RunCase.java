package io.permlab.testng;

import io.permlab.model.Finding;
import io.permlab.model.TargetResult;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.Run;

import java.util.List;

/** One TestNG test: a run of a function of a target, with the findings that concern exactly this run. */
public record RunCase(TargetResult target, FunctionExploration function, Run run, List<Finding> findings) {
    public RunCase {
        findings = List.copyOf(findings);
    }

    public String name() {
        return target.target().id() + " · " + function.functionId() + " · " + run.policy().id();
    }

    @Override
    public String toString() {
        return name();
    }
}
