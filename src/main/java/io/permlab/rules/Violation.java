package io.permlab.rules;

import io.permlab.model.EvidencePointer;
import io.permlab.model.Localized;
import io.permlab.model.Severity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a rule reports: the values for its message placeholders, the evidence, an optional severity change with
 * its reason already in the arguments, and a key that identifies this violation across re-inspections.
 */
public final class Violation {
    private final String ruleId;
    private final Map<String, Localized> args = new LinkedHashMap<>();
    private final List<EvidencePointer> evidence = new ArrayList<>();
    private Severity severity;
    private String key = "";

    private Violation(String ruleId) {
        this.ruleId = ruleId;
    }

    public static Violation of(Rule rule) {
        return new Violation(rule.id());
    }

    public Violation arg(String name, String value) {
        String v = value == null ? "" : value;
        args.put(name, new Localized(v, v));
        return this;
    }

    public Violation arg(String name, Localized value) {
        args.put(name, value == null ? new Localized("", "") : value);
        return this;
    }

    /** Whether the argument {@code name} was given (a null value counts: it fills its placeholder with nothing). */
    boolean has(String name) {
        return args.containsKey(name);
    }

    /** A flow step's place for a message, from its 0-based index: people count a flow's steps from 1. */
    public Violation step(String name, int index) {
        return arg(name, io.permlab.model.flow.Step.number(index));
    }

    public Violation arg(String name, int value) {
        return arg(name, Integer.toString(value));
    }

    public Violation at(EvidencePointer pointer) {
        evidence.add(pointer);
        return this;
    }

    public Violation severity(Severity s) {
        this.severity = s;
        return this;
    }

    /** Stable identity of what is wrong (a permission name, a component, a host), for fingerprints and baselines. */
    public Violation key(String k) {
        this.key = k;
        return this;
    }

    public String ruleId() {
        return ruleId;
    }

    public Map<String, Localized> args() {
        return args;
    }

    public List<EvidencePointer> evidence() {
        return evidence;
    }

    public Severity severity() {
        return severity;
    }

    public String key() {
        return key;
    }
}
