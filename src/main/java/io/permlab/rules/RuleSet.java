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
                new ExportedComponentRule());
    }
}
