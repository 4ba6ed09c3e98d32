package io.permlab.rules.dynamic;

import io.permlab.model.EvidencePointer;
import io.permlab.model.Localized;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.Run;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The leaks one rule saw across a target's functions (PI to an endpoint or a host, a stored entry, a cookie…): one
 * finding per leak, which names every function and run that showed it in its {functions} argument
 * ("'新增收货地址' (add-address: grant), '附近订单' (nearby-orders: grant)") and points into each of those runs.
 * <p>
 * Fingerprint: the key is what leaked and where to, never the function. The function is where the leak was seen, not
 * what is wrong: with it in the key, one endpoint leaking in two functions would be two findings, and a function
 * added, renamed or no longer leaking would make a baseline see a fixed leak and a new one. (Until this change the
 * traffic rules put the function id first in their keys, so their fingerprints changed once.)
 */
final class SeenIn {
    private record Leak(Violation violation, Map<String, Where> functions, Set<String> runs) {
    }

    /** A function's name and id, and the runs (policy ids) that showed the leak. */
    private record Where(String name, String id, Set<String> runs) {
    }

    private final Map<String, Leak> leaks = new LinkedHashMap<>();

    /**
     * The leak {@code key} was seen in this run of {@code function}: the first time, {@code violation} says what it is;
     * each run that shows it adds its evidence {@code at} once.
     */
    void add(String key, FunctionExploration function, Run run, Supplier<Violation> violation, EvidencePointer... at) {
        Leak leak = leaks.computeIfAbsent(key, k -> new Leak(violation.get().key(k), new LinkedHashMap<>(), new LinkedHashSet<>()));
        leak.functions().computeIfAbsent(function.functionId(), id -> new Where(function.functionName(), id, new LinkedHashSet<>()))
                .runs().add(run.policy().id());
        if (leak.runs().add(run.id())) {
            for (EvidencePointer p : at) {
                leak.violation().at(p);
            }
        }
    }

    /** Reports every leak, naming where it was seen. */
    void report(RuleContext ctx) {
        for (Leak leak : leaks.values()) {
            List<String> zh = new ArrayList<>();
            List<String> en = new ArrayList<>();
            for (Where w : leak.functions().values()) {
                zh.add("「" + w.name() + "」（" + w.id() + "：" + String.join("、", w.runs()) + "）");
                en.add("'" + w.name() + "' (" + w.id() + ": " + String.join(", ", w.runs()) + ")");
            }
            ctx.report(leak.violation().arg("functions", new Localized(String.join("、", zh), String.join(", ", en))));
        }
    }
}
