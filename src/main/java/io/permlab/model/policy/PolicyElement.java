package io.permlab.model.policy;

import io.permlab.model.Localized;

/**
 * One element a privacy policy must have (knowledge/policy-elements.json): whether the policy has it, and the sentence
 * that satisfies it (null when missing), with the clause that requires it.
 */
public record PolicyElement(String id, Localized label, Localized clause, boolean present, String sentence) {
}
