package io.permlab.model.apk;

import java.util.List;

/**
 * The parts of res/xml/network_security_config.xml that matter for PI in transit: cleartext and trust anchors
 * of the base config, of each domain config, and whether user CAs are trusted only in debug builds.
 */
public record NetworkSecurityConfig(String file, Boolean baseCleartextTrafficPermitted, boolean baseTrustsUserCertificates,
                                    List<DomainConfig> domainConfigs, boolean debugOverridesTrustUserCertificates) {
    public NetworkSecurityConfig {
        domainConfigs = List.copyOf(domainConfigs);
    }
}
