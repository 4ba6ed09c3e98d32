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
 * encrypting, hashing or masking function is not reported. Sensitive PI (ID number, precise location) is high.
 */
public final class StoragePlaintextPiRule extends MiniProgramRule {
    private static final Pattern PROTECTED = Pattern.compile("(?i)encrypt|cipher|aes|sm[234]|rsa|crypto|hash|md5|sha\\d|mask|desensiti|加密|脱敏");

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
            Set<String> kinds = new LinkedHashSet<>(PiNames.kinds(key));
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

    private static boolean known(KnowledgeBase kb, String kind) {
        try {
            kb.piKind(kind);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
