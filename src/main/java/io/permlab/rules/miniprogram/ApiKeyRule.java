package io.permlab.rules.miniprogram;

import java.util.Set;

/** Map-service keys in the package: usable by anyone for the services (geocoding, routes) they unlock, on the app's quota. */
public final class ApiKeyRule extends ShippedSecretRule {
    public ApiKeyRule() {
        super(Set.of("tencent-map-key", "amap-key", "baidu-ak"));
    }

    @Override
    public String id() {
        return "MP-API-KEY";
    }
}
