package io.permlab.rules.miniprogram;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.miniprogram.MiniProgramApi;
import io.permlab.model.Severity;
import io.permlab.model.miniprogram.ApiCall;
import io.permlab.model.miniprogram.MiniProgramFacts;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Personal information put into local storage as it is (PIPL 第五十一条: encryption or de-identification): a
 * setStorage/setStorageSync whose key or value names PI (phone, ID number, coordinates, address...), holds a PI
 * value, or carries a result of an API that returns PI (getLocation, chooseAddress...). A value passed through an
 * encrypting, hashing or masking function is not reported, nor a constant flag (1, true, "1") under a key naming PI.
 * Sensitive PI (ID number, precise location) is high.
 */
public final class StoragePlaintextPiRule extends MiniProgramRule {
    private static final Pattern PROTECTED = Pattern.compile("(?i)encrypt|cipher|aes|sm[234]|rsa|crypto|hash|md5|sha\\d|mask|desensiti|加密|脱敏");

    /** Short numbers (a phone or ID number is longer, and found in the value anyway), booleans, null and undefined. */
    private static final Pattern FLAG = Pattern.compile("(?i)-?\\d{1,6}(\\.\\d+)?|true|false|null|undefined");

    @Override
    public String id() {
        return "MP-STORAGE-PLAINTEXT-PI";
    }

    @Override
    void check(MiniProgramFacts mp, RuleContext ctx) {
        KnowledgeBase kb = ctx.knowledge();
        for (ApiCall c : platformCalls(ctx, mp, a -> "storage".equals(a.role()))) {
            String key = c.option("key");
            String value = c.option("data");
            if (value != null && PROTECTED.matcher(value).find()) {
                continue;
            }
            Set<String> kinds = new LinkedHashSet<>();
            // a key's name says what the value is meant to hold; a constant number, boolean or "1" written under it (a
            // "saved" flag) is the same for every user and holds none of it. Only the value itself speaks then.
            if (!constantFlag(value)) {
                kinds.addAll(PiNames.kinds(key));
            }
            kinds.addAll(PiNames.kinds(value));
            for (String from : c.inputsFrom()) {
                MiniProgramApi api = apis(ctx).api(from);
                if (api != null) {
                    kinds.addAll(api.pi());
                }
            }
            if (kinds.isEmpty()) {
                continue;
            }
            List<String> known = new ArrayList<>(kinds.stream().filter(k -> known(kb, k)).toList());
            boolean sensitive = known.stream().anyMatch(k -> kb.piKind(k).sensitive());
            ctx.report(Violation.of(this)
                    .arg("where", Pointers.where(c))
                    .arg("api", c.qualifiedName())
                    .arg("key", key == null ? "?" : key)
                    .arg("value", value == null ? "?" : value)
                    .arg("pi", kb.piLabels(known))
                    .severity(sensitive ? Severity.HIGH : null)
                    .key(c.owner() + "#" + key)
                    .at(Pointers.call(c)));
        }
    }

    /**
     * A value the code writes as a literal that cannot hold personal information: a number or boolean (or one in a
     * string: "1", "true"), null, undefined or empty. Values are rendered with run-time parts as ${…} (Expressions),
     * so a variable, an expression or a template with one never counts; a phone-number literal is caught by its value.
     */
    static boolean constantFlag(String value) {
        if (value == null || value.contains("${")) {
            return false;
        }
        String v = value.strip();
        return v.isEmpty() || FLAG.matcher(v).matches();
    }

    private static boolean known(KnowledgeBase kb, String kind) {
        try {
            kb.piKind(kind);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
