package io.permlab.pipeline.site;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.permlab.pipeline.site.ChromiumOnSites.Location;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.Cookie;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The founding case, before the engine exists: the two sample H5 targets served by {@link LocalSites} and driven by
 * hand in Debian's headless Chromium through the steps of their add-address flows, under precise, approximate and
 * refused location. The non-compliant sample saves only with precise location; the compliant one always saves.
 */
class SampleSitesInChromiumTest {
    private static final String SAVED = "地址已保存";
    private static final String PHONE = "13812345678";

    @TempDir
    Path profile;

    @BeforeAll
    static void needsChromium() {
        // the test command installs both, and every H5 test needs them: missing is a failure, not a skip
        assertThat(ChromiumOnSites.available()).as("Chromium at " + ChromiumOnSites.CHROMIUM + " and chromedriver at "
                + ChromiumOnSites.CHROMEDRIVER + " (scripts/setup.sh installs them)").isTrue();
    }

    @Test
    void nonCompliantSampleSendsPreciseLocationToATrackerBeforeConsentThenSavesWithIt() throws IOException {
        SampleTarget target = SampleTarget.load("demo-delivery");
        try (RunningSites sites = LocalSites.start(target.serve());
             ChromiumOnSites browser = new ChromiumOnSites(sites, profile, Location.PRECISE, true)) {
            browser.open(sites.url(target.entry()));

            ApiCall collect = waitForCall(browser, sites, "analytics.tracker.example", "/api/collect");
            assertThat(collect.pathAndQuery()).contains("lat=31.230416", "lng=121.473701");
            ApiCall device = waitForCall(browser, sites, "analytics.tracker.example", "/api/device");
            assertThat(device.body()).contains("\"deviceId\":\"" + browser.localStorage().get("xw_device_id") + "\"");
            assertThat(browser.showsText("同意")).as("privacy dialog still unanswered").isTrue();
            assertThat(browser.geolocationCalls()).singleElement()
                    .isEqualTo(Map.of("highAccuracy", true, "beforeConsent", true));

            addAddress(browser, false);
            browser.waitForText(SAVED);

            JsonObject posted = JsonParser.parseString(callsTo(sites, "waimai.example", "/api/address").get(0).body()).getAsJsonObject();
            assertThat(posted.get("phone").getAsString()).isEqualTo(PHONE);
            assertThat(posted.get("latitude").getAsDouble()).isEqualTo(31.230416);
            assertThat(posted.get("longitude").getAsDouble()).isEqualTo(121.473701);
            assertThat(browser.localStorage()).containsEntry("user_phone", PHONE);
            assertThat(browser.sessionStorage().get("receiver")).contains(PHONE);
            assertThat(browser.driver.manage().getCookies()).extracting(Cookie::getName, Cookie::getValue)
                    .contains(tuple("user_phone", PHONE));
            assertThat(browser.indexedDbContents()).contains("xianwei/addresses", PHONE, "31.230416");
        }
    }

    @ParameterizedTest
    @CsvSource({"REFUSED, 请开启定位权限后再添加地址", "APPROXIMATE, 定位精度不足，请开启精确定位"})
    void nonCompliantSampleWillNotSaveAnAddressWithoutPreciseLocation(Location location, String message) throws Exception {
        SampleTarget target = SampleTarget.load("demo-delivery");
        try (RunningSites sites = LocalSites.start(target.serve());
             ChromiumOnSites browser = new ChromiumOnSites(sites, profile, location, true)) {
            browser.open(sites.url(target.entry()));
            addAddress(browser, false);
            browser.waitForText(message);
            assertThat(browser.withText("保存地址").isEnabled()).isFalse();

            if (location == Location.REFUSED) {
                // Asked on load, on opening the form, then again every second after each refusal.
                browser.waitUntil("5 location requests", () -> browser.geolocationCalls().size() >= 5);
                assertThat(browser.geolocationCalls()).hasSize(5).allSatisfy(c -> assertThat(c).containsEntry("highAccuracy", true));
            } else {
                Thread.sleep(1000);
            }
            assertThat(browser.showsText(SAVED)).isFalse();
            assertThat(callsTo(sites, "waimai.example", "/api/address")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Location.class)
    void compliantSampleCollectsNothingBeforeConsentAndSavesWhateverTheLocationAnswer(Location location) throws Exception {
        SampleTarget target = SampleTarget.load("demo-delivery-compliant");
        try (RunningSites sites = LocalSites.start(target.serve());
             ChromiumOnSites browser = new ChromiumOnSites(sites, profile, location, true)) {
            browser.open(sites.url(target.entry()));
            assertThat(browser.script("return location.protocol")).isEqualTo("https:");
            Thread.sleep(500);
            assertThat(browser.geolocationCalls()).isEmpty();
            assertThat(sites.apiCalls()).isEmpty();
            assertThat(browser.localStorage()).isEmpty();

            addAddress(browser, true);
            browser.waitForText(SAVED);
            Thread.sleep(1200); // long enough for a re-ask after a refusal to show

            assertThat(browser.geolocationCalls()).singleElement()
                    .isEqualTo(Map.of("highAccuracy", false, "beforeConsent", false));
            String expectedAddress = (location == Location.REFUSED ? "" : "上海市黄浦区 ") + "人民大道200号 3楼";
            assertThat(sites.apiCalls()).singleElement().satisfies(call -> {
                assertThat(call.host()).isEqualTo("waimai-compliant.example");
                assertThat(call.pathAndQuery()).isEqualTo("/api/address");
                JsonObject posted = JsonParser.parseString(call.body()).getAsJsonObject();
                assertThat(posted.keySet()).containsExactlyInAnyOrder("name", "phone", "address");
                assertThat(posted.get("address").getAsString()).isEqualTo(expectedAddress);
            });
            assertThat(browser.localStorage()).containsExactly(Map.entry("last_receiver_phone", "138****5678"));
            assertThat(browser.sessionStorage()).isEmpty();
            assertThat(browser.driver.manage().getCookies()).isEmpty();
            assertThat(browser.indexedDbContents()).isEqualTo("{}");
            assertThat(resourceHosts(browser)).containsOnly("waimai-compliant.example");
        }
    }

    @Test
    void compliantSampleIsUntrustedWithoutItsKeyBeingNamed() throws IOException {
        SampleTarget target = SampleTarget.load("demo-delivery-compliant");
        try (RunningSites sites = LocalSites.start(target.serve());
             ChromiumOnSites browser = new ChromiumOnSites(sites, profile, Location.PRECISE, false)) {
            browser.open(sites.url(target.entry()));
            assertThat(browser.driver.getPageSource()).contains("ERR_CERT_AUTHORITY_INVALID").doesNotContain("新增收货地址");
            assertThat(sites.apiCalls()).isEmpty();
        }
    }

    /** The add-address flow's steps, by hand: consent, open the form, type, (use my location), save. */
    private static void addAddress(ChromiumOnSites browser, boolean useMyLocation) {
        browser.tapCss("#agree");
        browser.tapText("新增收货地址");
        browser.waitForVisible("#address-form");
        browser.type("#name", "张三");
        browser.type("#phone", PHONE);
        if (useMyLocation) {
            browser.tapText("使用当前位置");
            browser.waitUntil("an answer to the location request", () -> !((String) browser.script(
                    "return document.getElementById('locate-hint').textContent")).startsWith("正在"));
        }
        browser.type("#address", "人民大道200号 3楼");
        browser.tapCss("#save");
    }

    private static ApiCall waitForCall(ChromiumOnSites browser, RunningSites sites, String host, String path) {
        browser.waitUntil("a request to " + host + path, () -> !callsTo(sites, host, path).isEmpty());
        return callsTo(sites, host, path).get(0);
    }

    private static List<ApiCall> callsTo(RunningSites sites, String host, String path) {
        return sites.apiCalls().stream()
                .filter(c -> c.host().equals(host) && URI.create(c.pathAndQuery()).getPath().equals(path)).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> resourceHosts(ChromiumOnSites browser) {
        return ((List<String>) browser.script(
                "return [location.href, ...performance.getEntriesByType('resource').map(e => e.name)]"))
                .stream().map(u -> URI.create(u).getHost()).distinct().toList();
    }
}
