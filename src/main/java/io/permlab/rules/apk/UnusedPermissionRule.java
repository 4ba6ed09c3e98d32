package io.permlab.rules.apk;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.PermissionInfo;
import io.permlab.knowledge.SdkSignature;
import io.permlab.knowledge.SensitiveApi;
import io.permlab.model.Localized;
import io.permlab.model.apk.ApkFacts;
import io.permlab.model.apk.SdkPresence;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Over-requesting: a runtime permission whose use PermLab can recognise in code is declared, yet no call site of
 * any API that needs or uses it exists and no embedded SDK collects what it reaches (认定方法 四.1). A permission is
 * recognisable only when the platform enforces it on some known API ({@code requiresAnyOf}); permissions whose use
 * cannot be seen in dex are never reported. Static evidence only: reflection and native code are invisible.
 */
public final class UnusedPermissionRule extends ApkRule {
    @Override
    public String id() {
        return "APK-PERM-UNUSED";
    }

    @Override
    void check(ApkFacts apk, RuleContext ctx) {
        if (apk.dexFiles().isEmpty()) {
            return;
        }
        KnowledgeBase kb = ctx.knowledge();
        for (String name : apk.permissionNames()) {
            PermissionInfo info = kb.permission(name).orElse(null);
            if (info == null || !info.dangerous() || !info.reachesPi()) {
                continue;
            }
            boolean recognisable = kb.sensitiveApis().stream().anyMatch(a -> a.requiresAnyOf().contains(info.name()));
            List<SensitiveApi> apis = kb.sensitiveApis().stream().filter(a -> a.uses(info.name())).toList();
            if (!recognisable || apis.stream().anyMatch(a -> apk.usage(a.id()) != null) || sdkUses(apk, kb, info)) {
                continue;
            }
            ctx.report(Violation.of(this)
                    .arg("permission", info.shortName())
                    .arg("dexFiles", ctx.text(this, apk.dexFiles().size() == 1 ? "oneDex" : "dexFiles").with("count", apk.dexFiles().size()).text())
                    .arg("apis", new Localized(
                            apis.stream().map(SensitiveApi::zh).collect(Collectors.joining("、")),
                            apis.stream().map(SensitiveApi::en).collect(Collectors.joining(", "))))
                    .key(info.name())
                    .at(usesPermission(apk, info.name())));
        }
    }

    /** An SDK that collects what the permission reaches may use it through its own code paths. */
    private static boolean sdkUses(ApkFacts apk, KnowledgeBase kb, PermissionInfo info) {
        return apk.sdks().stream().map(SdkPresence::sdkId).map(kb::sdk).filter(Objects::nonNull)
                .map(SdkSignature::collects).anyMatch(c -> c.stream().anyMatch(DeclaredReach.of(info, apk).pi()::contains));
    }
}
