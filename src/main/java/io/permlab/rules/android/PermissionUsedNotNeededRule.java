package io.permlab.rules.android;

import io.permlab.knowledge.Category;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.PermissionInfo;
import io.permlab.model.Evidence;
import io.permlab.model.EvidencePointer;
import io.permlab.model.android.DeviceEvidence;
import io.permlab.model.android.DeviceRunFacts;
import io.permlab.model.dynamic.Exploration;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.PermissionEffect;
import io.permlab.model.dynamic.PermissionRequest;
import io.permlab.model.dynamic.Run;
import io.permlab.model.dynamic.RunPolicy;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The device's app ops prove the app used a dangerous permission that reaches PI (android-permissions.json "pi") during
 * a run, the category does not justify it (categories.json), and no explored function needed it (认定方法 四.1; 164号文 S8). A function needed a permission
 * when refusing it made the function fail, or when the function asked for it and was never run with it refused (so
 * whether it needs it is unknown): both leave the permission out. An op counts when its last access is within a run that
 * ran its course (app ops are reset before each run).
 */
public final class PermissionUsedNotNeededRule extends DeviceRunRule {
    /** App ops named otherwise than their permission (AOSP AppOpsManager's op-to-permission table); the rest share the name. */
    private static final Map<String, String> OP_PERMISSION = Map.of(
            "FINE_LOCATION", "android.permission.ACCESS_FINE_LOCATION",
            "COARSE_LOCATION", "android.permission.ACCESS_COARSE_LOCATION",
            "POST_NOTIFICATION", "android.permission.POST_NOTIFICATIONS");

    @Override
    public String id() {
        return "AND-PERMISSION-USED-NOT-NEEDED";
    }

    @Override
    void check(Exploration x, DeviceEvidence device, Evidence evidence, RuleContext ctx) {
        Category category = ctx.category();
        if (category == null) {
            return;
        }
        KnowledgeBase kb = ctx.knowledge();
        Map<String, Violation> byPermission = new LinkedHashMap<>();
        for (FunctionExploration f : x.functions()) {
            for (Run run : f.runs()) {
                DeviceRunFacts facts = run.inconclusive() ? null : device.of(f.functionId(), run.id()).orElse(null);
                if (facts == null) {
                    continue;
                }
                for (DeviceRunFacts.Op op : facts.appOps()) {
                    PermissionInfo p = kb.permission(permissionOf(op.name())).orElse(null);
                    // a permission that reaches no PI (POST_NOTIFICATIONS, CALL_PHONE: "pi": []) collects none (四.1 is about PI)
                    if (p == null || !p.dangerous() || !p.reachesPi() || op.lastAccess() == null
                            || run.startedAt() != null && op.lastAccess().isBefore(run.startedAt())
                            || category.justifies(p.name()) || category.condition(p.name()) != null || needed(x, p.group(), kb)) {
                        continue;
                    }
                    Violation v = byPermission.computeIfAbsent(p.name(), n -> Violation.of(this)
                            .arg("permission", n)
                            .arg("op", op.name())
                            .arg("function", f.functionName())
                            .arg("run", run.id())
                            .arg("at", op.lastAccess().toString())
                            .arg("category", category.label())
                            .key(n));
                    if (v.evidence().size() < 3) {
                        v.at(EvidencePointer.inRun(run.id(), "device-facts", null, run.id() + " appops " + op.name(),
                                op.name() + ": mode=" + op.mode() + " lastAccess=" + op.lastAccess() + " background=" + op.background()));
                    }
                }
            }
        }
        byPermission.values().forEach(ctx::report);
    }

    static String permissionOf(String op) {
        return OP_PERMISSION.getOrDefault(op, "android.permission." + op);
    }

    /**
     * Whether some function needed (or may need) the group: refusing it broke the function, or the function asked for
     * it and no judged refusal of it says otherwise.
     */
    private static boolean needed(Exploration x, String group, KnowledgeBase kb) {
        for (FunctionExploration f : x.functions()) {
            boolean asked = f.runs().stream().flatMap(r -> r.requests().stream()).filter(AndroidPrompts::isDialog)
                    .anyMatch((PermissionRequest r) -> AndroidPrompts.groups(r, kb).contains(group));
            boolean mandatory = false;
            boolean judgedNotMandatory = false;
            for (PermissionEffect e : f.effects()) {
                if (e.variant() != RunPolicy.Kind.DENY || !AndroidPrompts.groupsOfId(e.permission()).contains(group)) {
                    continue;
                }
                mandatory |= e.mandatory();
                judgedNotMandatory |= e.judged() && e.baselinePassed() && !e.mandatory();
            }
            if (mandatory || asked && !judgedNotMandatory) {
                return true;
            }
        }
        return false;
    }
}
