package io.permlab.rules;

import io.permlab.rules.apk.AllowBackupRule;
import io.permlab.rules.apk.ApiWithoutPermissionRule;
import io.permlab.rules.apk.BackgroundLocationRule;
import io.permlab.rules.apk.CleartextAllowedRule;
import io.permlab.rules.apk.DebuggableRule;
import io.permlab.rules.apk.ExportedComponentRule;
import io.permlab.rules.apk.FineWithoutCoarseRule;
import io.permlab.rules.apk.HttpEndpointRule;
import io.permlab.rules.apk.LegacyTargetSdkRule;
import io.permlab.rules.apk.PermissionNotNecessaryRule;
import io.permlab.rules.apk.SdkCollectsPiRule;
import io.permlab.rules.apk.TrustsUserCaRule;
import io.permlab.rules.apk.UnusedPermissionRule;

import java.util.List;

/** Every rule PermLab ships, in the order they run (and their findings are listed). */
public final class RuleSet {
    private RuleSet() {
    }

    public static List<Rule> all() {
        return List.of(
                // collection
                new PermissionNotNecessaryRule(),
                new BackgroundLocationRule(),
                new LegacyTargetSdkRule(),
                new FineWithoutCoarseRule(),
                new UnusedPermissionRule(),
                new ApiWithoutPermissionRule(),
                // use and transfer
                new SdkCollectsPiRule(),
                // storage
                new AllowBackupRule(),
                // security
                new DebuggableRule(),
                new CleartextAllowedRule(),
                new HttpEndpointRule(),
                new TrustsUserCaRule(),
                new ExportedComponentRule(),
                // mini-program: collection, storage, security
                new io.permlab.rules.miniprogram.PreciseLocationNotNecessaryRule(),
                new io.permlab.rules.miniprogram.AddressNeedsDeviceLocationRule(),
                new io.permlab.rules.miniprogram.ForcedReauthorizationRule(),
                new io.permlab.rules.miniprogram.LocationOnEntryRule(),
                new io.permlab.rules.miniprogram.PurposeDescRule(),
                new io.permlab.rules.miniprogram.PrivateInfoUndeclaredRule(),
                new io.permlab.rules.miniprogram.PrivateInfoUnusedRule(),
                new io.permlab.rules.miniprogram.PrivacyAgreementMissingRule(),
                new io.permlab.rules.miniprogram.StoragePlaintextPiRule(),
                new io.permlab.rules.miniprogram.HttpEndpointRule(),
                new io.permlab.rules.miniprogram.PiInUrlRule(),
                // dynamic: runs of flows
                new io.permlab.rules.dynamic.PermissionMandatoryRule(),
                new io.permlab.rules.dynamic.PreciseLocationMandatoryRule(),
                new io.permlab.rules.dynamic.PermissionBeforeConsentRule(),
                new io.permlab.rules.dynamic.PermissionBeforeUseRule(),
                new io.permlab.rules.dynamic.PermissionReaskRule(),
                new io.permlab.rules.dynamic.PermissionWithoutPurposeRule(),
                new io.permlab.rules.dynamic.PiBeforeConsentRule(),
                new io.permlab.rules.dynamic.PiCleartextRule(),
                new io.permlab.rules.dynamic.PreciseCoordinatesSentRule(),
                new io.permlab.rules.dynamic.PiThirdPartyRule(),
                new io.permlab.rules.dynamic.PiPlaintextStorageRule());
    }
}
