package io.permlab.rules.android;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.PermissionInfo;
import io.permlab.model.Evidence;
import io.permlab.model.EvidenceSection;
import io.permlab.model.android.DeviceEvidence;
import io.permlab.model.dynamic.Exploration;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.PermissionRequest;
import io.permlab.model.dynamic.Run;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A system permission dialog for a group none of whose permissions the scanned manifest declares. Android shows a
 * dialog only for permissions the installed package declares, so the app that ran is not what static inspection read:
 * a component loaded at run time (a plugin, a downloaded SDK), a split or repackaged build, or a wrong manifest. The
 * static rules and the privacy-policy comparison then miss what that component does (认定方法 二.1: purposes and
 * SDKs not stated). Medium. Judged on runs that ran their course, for the package the manifest names.
 */
public final class PromptedNotDeclaredRule extends DeviceRunRule {
    @Override
    public String id() {
        return "AND-PROMPTED-NOT-DECLARED";
    }

    @Override
    Set<Class<? extends EvidenceSection>> alsoReads() {
        return Set.of(ManifestPermissions.SECTION);
    }

    @Override
    void check(Exploration x, DeviceEvidence device, Evidence evidence, RuleContext ctx) {
        ManifestPermissions manifest = ManifestPermissions.of(evidence).orElseThrow();
        if (!Objects.equals(manifest.packageName(), device.packageName())) {
            return;
        }
        KnowledgeBase kb = ctx.knowledge();
        Set<String> reported = new LinkedHashSet<>();
        for (FunctionExploration f : x.functions()) {
            for (Run run : f.runs()) {
                if (run.inconclusive()) {
                    continue;
                }
                Integer api = device.of(f.functionId(), run.id()).map(d -> d.apiLevel()).orElse(null);
                if (api == null) {
                    continue;
                }
                List<String> declared = manifest.declaredOn(api);
                Set<String> declaredGroups = new LinkedHashSet<>();
                declared.forEach(n -> kb.permission(n).map(PermissionInfo::group).ifPresent(declaredGroups::add));
                for (PermissionRequest r : run.requests()) {
                    if (!AndroidPrompts.isDialog(r)) {
                        continue;
                    }
                    for (String group : AndroidPrompts.groups(r, kb)) {
                        if (declaredGroups.contains(group) || !known(group, kb) || !reported.add(group)) {
                            continue;
                        }
                        ctx.report(Violation.of(this)
                                .arg("group", group)
                                .arg("function", f.functionName())
                                .arg("run", run.id())
                                .arg("declared", declared.isEmpty() ? "—" : String.join(", ", declared))
                                .key(group)
                                .at(AndroidPrompts.dialog(run, r)));
                    }
                }
            }
        }
    }

    /** Only a group the permission catalogue knows can be said to be undeclared. */
    private static boolean known(String group, KnowledgeBase kb) {
        return kb.permissions().stream().anyMatch(p -> group.equals(p.group()));
    }
}
