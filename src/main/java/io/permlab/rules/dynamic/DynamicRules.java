package io.permlab.rules.dynamic;

import io.permlab.rules.Rule;

import java.util.List;

/** The rules over runs of flows, in the order they run. */
public final class DynamicRules {
    private DynamicRules() {
    }

    public static List<Rule> all() {
        return List.of(
                // dynamic: runs of flows
                new PermissionMandatoryRule(),
                new ConsentMandatoryRule(),
                new ConsentReaskedRule(),
                new PreciseLocationMandatoryRule(),
                new PermissionBeforeConsentRule(),
                new PermissionBeforeUseRule(),
                new PermissionReaskRule(),
                new PermissionWithoutPurposeRule(),
                new MiniProgramForcedReauthRule(new io.permlab.rules.miniprogram.ForcedReauthorizationRule()),
                new MiniProgramBeforePrivacyRule(),
                new PiBeforeConsentRule(),
                new CollectedAfterDeclineRule(),
                new PiCleartextRule(),
                new PiInUrlRule(),
                new PreciseCoordinatesSentRule(),
                new PiThirdPartyRule(),
                new PiPlaintextStorageRule(),
                new PiOverexposedResponseRule(),
                new PiOthersInResponseRule(),
                new InsecureCookieRule(),
                new MixedContentRule());
    }
}
