package io.permlab.model.apk;

import java.util.List;

/**
 * The parts of res/xml/network_security_config.xml that matter for PI in transit: cleartext and trust anchors
 * of the base config, of each domain config, and whether debug-overrides trust user CAs. Null base values mean the
 * base-config does not set them, so the platform default for the app's targetSdk applies.
 */
public record NetworkSecurityConfig(String file, Boolean baseCleartextTrafficPermitted, Boolean baseTrustsUserCertificates,
                                    List<DomainConfig> domainConfigs, boolean debugOverridesTrustUserCertificates) {
    public NetworkSecurityConfig {
        domainConfigs = List.copyOf(domainConfigs);
    }
}
