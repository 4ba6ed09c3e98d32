package io.permlab.rules.apk;

import io.permlab.model.apk.ApkFacts;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

/** android:debuggable="true": a debugger can be attached and the app's private data read. */
public final class DebuggableRule extends ApkRule {
    @Override
    public String id() {
        return "APK-DEBUGGABLE";
    }

    @Override
    void check(ApkFacts apk, RuleContext ctx) {
        if (Boolean.TRUE.equals(apk.application().debuggable())) {
            ctx.report(Violation.of(this).key("debuggable")
                    .at(manifest("application", "<application android:debuggable=\"true\">")));
        }
    }
}
