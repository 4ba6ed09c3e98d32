package io.permlab.pipeline.policy;

import io.permlab.inspect.policy.WebPolicyFinder;
import io.permlab.knowledge.policy.PolicyKnowledge;
import io.permlab.model.EvidenceSection;
import io.permlab.model.Localized;
import io.permlab.model.Target;
import io.permlab.model.TargetKind;
import io.permlab.model.policy.PrivacyPolicyFacts;
import io.permlab.pipeline.ExerciseStage;
import io.permlab.pipeline.StageContext;
import io.permlab.pipeline.site.ServeSpec;
import io.permlab.pipeline.site.SiteFiles;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * An H5 app's privacy policy, found from the page its flows start on (where the consent dialog is): the link the
 * dialog offers is followed on the site PermLab serves (or over the network) and the policy read. It runs with the
 * exercise, under 'run' and 'demo', next to the exploration whose observations the policy rules compare with it.
 */
public final class WebPolicyStage implements ExerciseStage {
    private static final Localized NEEDS_RUN = new Localized(
            "未由 scan 检测：H5 应用的隐私政策随 permlab run 检测", "not inspected by 'scan': an H5 app's privacy policy is read by 'permlab run'");
    private final WebPolicyFinder finder;

    public WebPolicyStage(PolicyKnowledge knowledge) {
        this.finder = new WebPolicyFinder(knowledge);
    }

    @Override
    public boolean handles(Target target) {
        return target.kind() == TargetKind.H5 && target.site() != null && target.site().entry() != null;
    }

    @Override
    public Class<PrivacyPolicyFacts> section() {
        return PrivacyPolicyFacts.class;
    }

    @Override
    public Localized leftTo() {
        return NEEDS_RUN;
    }

    @Override
    public Optional<EvidenceSection> collect(Target target, StageContext context) {
        SiteFiles served = null;
        if (!target.site().serve().isEmpty()) {
            List<ServeSpec> specs = target.site().serve().stream()
                    .map(s -> new ServeSpec(s.host(), target.location().resolve(s.dir()).normalize(), s.https())).toList();
            try {
                served = new SiteFiles(specs);
            } catch (IOException e) {
                context.problem(target.location().toString(), "policy", "cannot read the served folders: " + e.getMessage());
                return Optional.empty();
            }
        }
        return Optional.of(finder.find(target.site().entry(), new WebPages(served)));
    }
}
