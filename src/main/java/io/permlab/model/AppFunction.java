package io.permlab.model;

/** A business function of a target ("add delivery address"), exercised by the flow file it names. */
public record AppFunction(String id, String name, String flow) {
}
