package io.permlab.model.apk;

import java.util.List;

/** A {@code <domain-config>} of a network security config; null fields were not set there. */
public record DomainConfig(List<String> domains, Boolean cleartextTrafficPermitted, boolean trustsUserCertificates) {
    public DomainConfig {
        domains = List.copyOf(domains);
    }
}
