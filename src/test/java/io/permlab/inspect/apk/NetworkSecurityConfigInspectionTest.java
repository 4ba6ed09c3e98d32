package io.permlab.inspect.apk;

import io.permlab.model.apk.DomainConfig;
import io.permlab.model.apk.NetworkSecurityConfig;
import io.permlab.testsupport.InspectedFixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The compiled res/xml network security config, resolved from the manifest's @xml reference and parsed per scope. */
class NetworkSecurityConfigInspectionTest {

    private static NetworkSecurityConfig nsc(String fixture) {
        InspectionChecks.noProblems(fixture);
        return InspectedFixtures.inspect(fixture).facts().networkSecurityConfig();
    }

    private static DomainConfig domainConfigFor(NetworkSecurityConfig nsc, String domain) {
        return nsc.domainConfigs().stream().filter(d -> d.domains().contains(domain)).findFirst()
                .orElseThrow(() -> new AssertionError("no domain-config for " + domain + " in " + nsc.domainConfigs()));
    }

    @Test
    void readsBaseConfigAndDebugOverrides() {
        NetworkSecurityConfig open = nsc("nsc-open");
        assertThat(open.file()).isEqualTo("res/xml/network_security_config.xml");
        assertThat(open.baseCleartextTrafficPermitted()).isTrue();
        assertThat(open.baseTrustsUserCertificates()).isTrue();
        assertThat(open.debugOverridesTrustUserCertificates()).isTrue();
        assertThat(open.domainConfigs()).hasSize(3);
    }

    @Test
    void readsDomainConfigsAndInheritsCleartextIntoNestedOnes() {
        NetworkSecurityConfig open = nsc("nsc-open");
        DomainConfig legacy = domainConfigFor(open, "legacy.permlab.test");
        assertThat(legacy.cleartextTrafficPermitted()).isTrue();
        assertThat(legacy.trustsUserCertificates()).isFalse();

        DomainConfig nested = domainConfigFor(open, "img.legacy.permlab.test");
        assertThat(nested.domains()).containsExactly("img.legacy.permlab.test");
        assertThat(nested.cleartextTrafficPermitted()).as("inherited from the enclosing domain-config").isTrue();

        DomainConfig pinned = domainConfigFor(open, "pinned.permlab.test");
        assertThat(pinned.cleartextTrafficPermitted()).isFalse();
        assertThat(pinned.trustsUserCertificates()).isTrue();
    }

    @Test
    void pinDigestsAreNotDomains() {
        DomainConfig pinned = domainConfigFor(nsc("nsc-open"), "pinned.permlab.test");
        assertThat(pinned.domains()).as("text of <pin> inside <pin-set> is a digest, not a <domain>")
                .containsExactly("pinned.permlab.test");
    }

    @Test
    void userCertificatesOnlyUnderDebugOverrides() {
        NetworkSecurityConfig clean = nsc("clean-app");
        assertThat(clean.baseCleartextTrafficPermitted()).isFalse();
        assertThat(clean.baseTrustsUserCertificates()).isFalse();
        assertThat(clean.debugOverridesTrustUserCertificates()).isTrue();
        assertThat(clean.domainConfigs()).isEmpty();
    }

    @Test
    void unsetValuesStayNull() {
        NetworkSecurityConfig defaults = nsc("nsc-platform-defaults");
        assertThat(defaults.baseCleartextTrafficPermitted()).isNull();
        assertThat(defaults.baseTrustsUserCertificates()).isNull();
        assertThat(defaults.debugOverridesTrustUserCertificates()).isFalse();
        assertThat(defaults.domainConfigs()).singleElement().satisfies(d -> {
            assertThat(d.domains()).containsExactly("api.permlab.test");
            assertThat(d.cleartextTrafficPermitted()).isNull();
            assertThat(d.trustsUserCertificates()).isFalse();
        });
    }

    @Test
    void noConfigWithoutTheManifestAttribute() {
        assertThat(nsc("food-delivery")).isNull();
        assertThat(nsc("leaky-tracker")).isNull();
    }
}
