package io.permlab.exercise;

import io.permlab.model.flow.Flow;

/** A business function of a target and the flow that exercises it. */
public record FunctionUnderTest(String id, String name, Flow flow) {
}
