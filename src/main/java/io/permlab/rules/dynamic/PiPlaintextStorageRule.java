package io.permlab.rules.dynamic;

import io.permlab.knowledge.pi.PiType;
import io.permlab.model.EvidencePointer;
import io.permlab.model.Severity;
import io.permlab.model.dynamic.Exploration;
import io.permlab.model.dynamic.FunctionExploration;
import io.permlab.model.dynamic.Run;
import io.permlab.model.dynamic.StoredValue;
import io.permlab.rules.RuleContext;
import io.permlab.rules.Violation;

import java.util.HashSet;
import java.util.Set;

/** PI left in browser storage in plaintext after a run (PIPL Art. 51: encryption or de-identification). */
public final class PiPlaintextStorageRule extends ExplorationRule {
    @Override
    public String id() {
        return "DYN-PI-PLAINTEXT-STORAGE";
    }

    @Override
    void check(Exploration exploration, RuleContext ctx) {
        Set<String> reported = new HashSet<>();
        for (FunctionExploration f : exploration.functions()) {
            Run run = f.baseline();
            if (run == null || run.inconclusive()) {
                continue; // cut short by a crash or a timeout: judged by no rule
            }
            for (StoredValue s : run.storage()) {
                String key = s.area() + ":" + endpointKey(s.origin()) + ":" + s.key();
                if (s.pi().isEmpty() || !reported.add(key)) {
                    continue;
                }
                // sensitive PI (an ID number, a precise position) kept in plaintext is HIGH, as MP-STORAGE-PLAINTEXT-PI judges it
                boolean sensitive = s.pi().stream().anyMatch(p -> ctx.knowledge().piKind(PiType.valueOf(p.type()).piKind()).sensitive());
                ctx.report(Violation.of(this)
                        .severity(sensitive ? Severity.HIGH : null)
                        .arg("area", s.area())
                        .arg("key", s.key())
                        .arg("origin", s.origin())
                        .arg("pi", piOf(ctx.knowledge(), s.pi()))
                        .key(key)
                        .at(EvidencePointer.inRun(run.id(), "storage", null, run.id() + " " + s.area() + " " + s.key(), where(s.pi()))));
            }
        }
    }
}
