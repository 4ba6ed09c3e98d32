package io.permlab.rules.apk;

import io.permlab.model.EvidencePointer;
import io.permlab.model.apk.ApkFacts;
import io.permlab.model.apk.SecurityFlaw;
import io.permlab.model.apk.SecurityFlawKind;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

/**
 * A rule that turns one kind of security flaw found in the code into one finding per flaw, pointing at the dex, the
 * class and method, and the instruction. Its identity is the kind, class, method and detail: no offsets, so a rebuild
 * that moves code keeps the fingerprint.
 */
abstract class SecurityFlawRule extends ApkRule {
    private final SecurityFlawKind kind;

    SecurityFlawRule(SecurityFlawKind kind) {
        this.kind = kind;
    }

    @Override
    final void check(ApkFacts apk, RuleContext ctx) {
        if (!applies(apk)) {
            return;
        }
        for (SecurityFlaw f : apk.securityFlaws(kind)) {
            ctx.report(Violation.of(this)
                    .arg("where", f.className() + "." + f.method())
                    .arg("detail", f.detail())
                    .arg("excerpt", f.excerpt())
                    .arg("sdk", "minSdk " + (apk.minSdk() == null ? "1" : apk.minSdk()) + ", targetSdk " + apk.effectiveTargetSdk())
                    .key(kind + "|" + f.className() + "." + f.method() + "|" + f.detail())
                    .at(pointer(f)));
        }
    }

    /** Whether the app's SDK levels make the flaw matter at all (all do but the JavaScript interface). */
    boolean applies(ApkFacts apk) {
        return true;
    }

    static EvidencePointer pointer(SecurityFlaw f) {
        return EvidencePointer.of("dex", f.dexFile(), f.className() + "." + f.method(), f.excerpt());
    }
}
