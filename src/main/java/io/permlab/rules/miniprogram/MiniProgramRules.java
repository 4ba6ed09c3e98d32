package io.permlab.rules.miniprogram;

import io.permlab.rules.Rule;

import java.util.List;

/** The static mini-program rules, in the order they run. */
public final class MiniProgramRules {
    private MiniProgramRules() {
    }

    public static List<Rule> all() {
        return List.of(
                // mini-program: collection, storage, security
                new PreciseLocationNotNecessaryRule(),
                new AddressNeedsDeviceLocationRule(),
                new ForcedReauthorizationRule(),
                new LocationOnEntryRule(),
                new PurposeDescRule(),
                new PrivateInfoUndeclaredRule(),
                new PrivateInfoUnusedRule(),
                new PrivacyAgreementMissingRule(),
                new StoragePlaintextPiRule(),
                new HttpEndpointRule(),
                new PiInUrlRule(),
                new AppSecretRule(),
                new ApiKeyRule());
    }
}
