package io.permlab.pipeline;

/** A stage that reads what a target ships (a package, a folder): it runs under every inspecting command. */
public interface StaticStage extends EvidenceStage {
}
