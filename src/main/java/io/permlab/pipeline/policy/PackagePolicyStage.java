package io.permlab.pipeline.policy;

import io.permlab.inspect.policy.ApkPolicyFinder;
import io.permlab.inspect.policy.MiniProgramPolicyFinder;
import io.permlab.knowledge.policy.PolicyKnowledge;
import io.permlab.model.EvidenceSection;
import io.permlab.model.Target;
import io.permlab.model.TargetKind;
import io.permlab.model.policy.PrivacyPolicyFacts;
import io.permlab.pipeline.StageContext;
import io.permlab.pipeline.StaticStage;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;

/**
 * The privacy policy a package ships: an APK's assets (or the URL of the one it hosts online), a mini-program's policy
 * page and its handling of WeChat's privacy agreement. A package that cannot be read is the package stage's failure;
 * here it is a problem and no section.
 */
public final class PackagePolicyStage implements StaticStage {
    private final ApkPolicyFinder apks;
    private final MiniProgramPolicyFinder miniPrograms;

    public PackagePolicyStage(PolicyKnowledge knowledge) {
        this.apks = new ApkPolicyFinder(knowledge);
        this.miniPrograms = new MiniProgramPolicyFinder(knowledge);
    }

    @Override
    public boolean handles(Target target) {
        return target.kind() == TargetKind.APK || target.kind() == TargetKind.MINIPROGRAM;
    }

    @Override
    public Class<PrivacyPolicyFacts> section() {
        return PrivacyPolicyFacts.class;
    }

    @Override
    public Optional<EvidenceSection> collect(Target target, StageContext context) {
        try {
            if (target.kind() == TargetKind.MINIPROGRAM) {
                return Optional.of(miniPrograms.find(target.location()));
            }
            if (!Files.isRegularFile(target.location()) || !target.location().getFileName().toString().toLowerCase().endsWith(".apk")) {
                return Optional.of(PrivacyPolicyFacts.without(io.permlab.model.policy.PolicyStatus.NOT_IN_PACKAGE,
                        target.location().getFileName().toString(), "package", null,
                        "an app bundle (.apks/.xapk) is not searched for a policy file; not inspected"));
            }
            return Optional.of(apks.find(target.location()));
        } catch (IOException | RuntimeException e) {
            context.problem(target.location().toString(), "policy", "cannot search the package for a privacy policy: " + e.getMessage());
            return Optional.empty();
        }
    }
}
