package io.permlab.inspect.apk.security;

import io.permlab.model.apk.ApkFacts;
import io.permlab.model.apk.SecurityFlaw;
import io.permlab.model.apk.SecurityFlawKind;
import io.permlab.testsupport.InspectedFixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The security analysis on fixture APKs assembled from smali (src/test/fixtures/apk/insecure-code and secure-code):
 * each weakness found at its class and method with the value that makes it one; each secure counterpart and boundary
 * (delegation, a throw, a branch, a mode from a parameter, GCM, RSA) left alone.
 */
class SecurityAnalysisTest {
    private static final String INSECURE = "com.permlab.fixture.insecure.";

    private static ApkFacts facts(String fixture) {
        return InspectedFixtures.inspect(fixture).facts();
    }

    @Test
    void findsEveryWeaknessOfTheInsecureFixtureAndNothingElse() {
        assertThat(facts("insecure-code").securityFlaws()).extracting(f -> f.kind(), SecurityFlaw::className, SecurityFlaw::method)
                .containsExactlyInAnyOrder(
                        tuple(SecurityFlawKind.TRUST_ALL_CERTIFICATES, INSECURE + "TrustAllManager", "checkServerTrusted(X509Certificate[], String)"),
                        tuple(SecurityFlawKind.TRUST_ALL_CERTIFICATES, INSECURE + "LoggingTrustManager", "checkServerTrusted(X509Certificate[], String)"),
                        tuple(SecurityFlawKind.TRUST_ALL_CERTIFICATES, INSECURE + "LoggingTrustManager", "checkServerTrusted(X509Certificate[], String, Socket)"),
                        tuple(SecurityFlawKind.ACCEPT_ALL_HOSTNAMES, INSECURE + "AllowAllVerifier", "verify(String, SSLSession)"),
                        tuple(SecurityFlawKind.SSL_ERROR_PROCEED, INSECURE + "ProceedingClient", "onReceivedSslError(WebView, SslErrorHandler, SslError)"),
                        tuple(SecurityFlawKind.JAVASCRIPT_INTERFACE, INSECURE + "MainActivity", "showPage(WebView)"),
                        tuple(SecurityFlawKind.WORLD_ACCESSIBLE_FILE, INSECURE + "MainActivity", "exportOrders()"),
                        tuple(SecurityFlawKind.WORLD_ACCESSIBLE_FILE, INSECURE + "MainActivity", "sharedSettings()"),
                        tuple(SecurityFlawKind.WORLD_ACCESSIBLE_FILE, INSECURE + "MainActivity", "appendLog()"),
                        tuple(SecurityFlawKind.PI_IN_PREFERENCES, INSECURE + "MainActivity", "rememberPhone(SharedPreferences$Editor, String)"),
                        tuple(SecurityFlawKind.ECB_CIPHER, INSECURE + "OrderCrypto", "encryptPhone(byte[])"),
                        tuple(SecurityFlawKind.CONSTANT_KEY, INSECURE + "OrderCrypto", "encryptPhone(byte[])"),
                        tuple(SecurityFlawKind.ECB_CIPHER, INSECURE + "OrderCrypto", "encryptAddress()"),
                        tuple(SecurityFlawKind.CONSTANT_KEY, INSECURE + "OrderCrypto", "encryptAddress()"));
    }

    @Test
    void detailsNameTheValueThatMakesTheWeaknessAndMaskTheKey() {
        ApkFacts f = facts("insecure-code");
        assertThat(f.securityFlaws(SecurityFlawKind.WORLD_ACCESSIBLE_FILE)).extracting(SecurityFlaw::detail).containsExactlyInAnyOrder(
                "\"orders.json\" MODE_WORLD_READABLE", "\"settings\" MODE_WORLD_WRITEABLE", "\"log.txt\" MODE_WORLD_READABLE");
        assertThat(f.securityFlaws(SecurityFlawKind.ECB_CIPHER)).extracting(SecurityFlaw::detail)
                .containsExactlyInAnyOrder("AES", "DESede/ECB/PKCS5Padding");
        assertThat(f.securityFlaws(SecurityFlawKind.CONSTANT_KEY)).extracting(SecurityFlaw::detail).containsExactlyInAnyOrder(
                "bytes of the constant string \"wa**************\" (16 chars)", "a constant byte array (8 bytes)");
        assertThat(f.securityFlaws().toString()).doesNotContain("waimai1234567890");
        assertThat(f.securityFlaws(SecurityFlawKind.JAVASCRIPT_INTERFACE)).singleElement()
                .extracting(SecurityFlaw::detail).isEqualTo("window.bridge");
        assertThat(f.securityFlaws(SecurityFlawKind.PI_IN_PREFERENCES)).singleElement()
                .extracting(SecurityFlaw::detail).isEqualTo("user_phone");
        assertThat(f.securityFlaws(SecurityFlawKind.SSL_ERROR_PROCEED)).singleElement().satisfies(s -> {
            assertThat(s.excerpt()).isEqualTo("invoke-virtual Landroid/webkit/SslErrorHandler;->proceed()V");
            assertThat(s.dexFile()).isEqualTo("classes.dex");
        });
        assertThat(f.securityFlaws(SecurityFlawKind.TRUST_ALL_CERTIFICATES)).filteredOn(t -> t.className().endsWith("TrustAllManager"))
                .singleElement().extracting(SecurityFlaw::excerpt).isEqualTo("return-void");
        assertThat(f.securityFlaws(SecurityFlawKind.ACCEPT_ALL_HOSTNAMES)).singleElement()
                .extracting(SecurityFlaw::excerpt).isEqualTo("const/4 v0, 1 | return v0");
    }

    /** Delegation, a throw, a real verifier, a branch to false, cancel(), private modes, GCM, RSA, a key passed in. */
    @Test
    void flagsNoneOfTheSecureCounterpartsButTheBridgeCallItself() {
        assertThat(facts("secure-code").securityFlaws()).extracting(f -> f.kind(), SecurityFlaw::method)
                .containsExactly(tuple(SecurityFlawKind.JAVASCRIPT_INTERFACE, "showPage(WebView)"));
    }

    @Test
    void cleanAppHasNoFlaw() {
        assertThat(facts("clean-app").securityFlaws()).isEmpty();
    }

    @Test
    void ecbIsTheModeOfBlockCiphersOnly() {
        assertThat(CallSiteChecks.ecb("AES")).isTrue();
        assertThat(CallSiteChecks.ecb("aes/ecb/pkcs5padding")).isTrue();
        assertThat(CallSiteChecks.ecb("SM4")).isTrue();
        assertThat(CallSiteChecks.ecb("AES/CBC/PKCS5Padding")).isFalse();
        assertThat(CallSiteChecks.ecb("RSA/ECB/PKCS1Padding")).isFalse();
        assertThat(CallSiteChecks.ecb("RSA")).isFalse();
    }

    @Test
    void worldModesAreTheLowTwoBits() {
        assertThat(CallSiteChecks.worldAccessible(0)).isFalse();
        assertThat(CallSiteChecks.worldAccessible(1)).isTrue();
        assertThat(CallSiteChecks.worldAccessible(2)).isTrue();
        assertThat(CallSiteChecks.worldAccessible(3)).isTrue();
        assertThat(CallSiteChecks.worldAccessible(4)).isFalse(); // MODE_MULTI_PROCESS
        assertThat(CallSiteChecks.worldAccessible(0x8000)).isFalse(); // MODE_APPEND
        assertThat(CallSiteChecks.worldAccessible(0x8001)).isTrue();
    }

    @Test
    void piKeysAreReadAsWords() {
        assertThat(PiKeys.namesPi("user_phone")).isTrue();
        assertThat(PiKeys.namesPi("userPhone")).isTrue();
        assertThat(PiKeys.namesPi("idCard")).isTrue();
        assertThat(PiKeys.namesPi("收货地址")).isTrue();
        assertThat(PiKeys.namesPi("telemetry")).isFalse();
        assertThat(PiKeys.namesPi("ip_address")).isFalse();
        assertThat(PiKeys.namesPi("theme")).isFalse();
    }
}
