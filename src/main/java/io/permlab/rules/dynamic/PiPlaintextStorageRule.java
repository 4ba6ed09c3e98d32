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

/**
 * PI left in browser storage in plaintext after a run (PIPL Art. 51: encryption or de-identification). One finding per
 * entry, naming the functions whose baseline left it.
 */
public final class PiPlaintextStorageRule extends ExplorationRule {
    @Override
    public String id() {
        return "DYN-PI-PLAINTEXT-STORAGE";
    }

    @Override
    void check(Exploration exploration, RuleContext ctx) {
        SeenIn entries = new SeenIn();
        for (FunctionExploration f : exploration.functions()) {
            Run run = f.baseline();
            if (run == null || run.inconclusive()) {
                continue; // cut short by a crash or a timeout: judged by no rule
            }
            for (StoredValue s : run.storage()) {
                if (s.pi().isEmpty()) {
                    continue;
                }
                // sensitive PI (an ID number, a precise position; rounded coordinates are not one) kept in plaintext is HIGH, as MP-STORAGE-PLAINTEXT-PI judges it
                boolean sensitive = s.pi().stream().anyMatch(p -> ctx.knowledge().piKind(PiType.valueOf(p.type()).piKind(p.precise())).sensitive());
                entries.add(s.area() + ":" + endpointKey(s.origin()) + ":" + s.key(), f, run, () -> Violation.of(this)
                        .severity(sensitive ? Severity.HIGH : null)
                        .arg("area", s.area())
                        .arg("key", s.key())
                        .arg("origin", s.origin())
                        .arg("pi", piOf(ctx.knowledge(), s.pi())),
                        EvidencePointer.inRun(run.id(), "storage", null, run.id() + " " + s.area() + " " + s.key(), where(s.pi())));
            }
        }
        entries.report(ctx);
    }
}
