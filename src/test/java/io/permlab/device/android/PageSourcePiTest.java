package io.permlab.device.android;

import io.permlab.capture.EvidenceMasker;
import org.junit.jupiter.api.Test;

import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * PI in a UiAutomator2 page source as the shared masker flags it, on screens/app-home-with-pi.xml (the format of
 * appium-uiautomator2-server's page source; its README says how it was made).
 */
class PageSourcePiTest {
    private static final UnaryOperator<String> MASK = EvidenceMasker::mask;
    private static final String SCREEN = AndroidFixtures.read("screens/app-home-with-pi.xml");

    @Test
    void theKeptPageSourceHasItsTextsMaskedAndEverythingElseAsRead() {
        String masked = PageSourcePi.masked(SCREEN, MASK);

        assertThat(masked).doesNotContain("13812345678", "110101199003074573")
                .contains("text=\"" + EvidenceMasker.mask("默认收货人 张三 13812345678") + "\"")
                .contains("content-desc=\"" + EvidenceMasker.mask("身份证 110101199003074573") + "\"")
                .contains("hint=\"身份证号\"", "text=\"新增收货地址\"", "bounds=\"[60,240][1020,330]\"",
                        "resource-id=\"io.permlab.sample.delivery:id/default_recipient\"");
        assertThat(masked.lines().count()).isEqualTo(SCREEN.lines().count());
        // still a page source the recogniser and the flow can read
        assertThat(PageSource.parse(masked, "masked").flatten().map(UiNode::text)).contains("新增收货地址", "鲜味外卖");
    }

    @Test
    void withMaskingOffThePageSourceIsKeptByteForByte() {
        assertThat(PageSourcePi.masked(SCREEN, UnaryOperator.identity())).isEqualTo(SCREEN);
        assertThat(PageSourcePi.regions(SCREEN, UnaryOperator.identity()).isEmpty()).isTrue();
    }

    @Test
    void aScreenWithoutPiIsKeptAsItIs() {
        String home = AndroidFixtures.read("screens/app-home.xml");
        assertThat(PageSourcePi.masked(home, MASK)).isEqualTo(home);
        assertThat(PageSourcePi.regions(home, MASK).isEmpty()).isTrue();
    }

    @Test
    void theRegionsAreTheBoundsOfTheViewsShowingPiByTextOrDescription() {
        PageSourcePi.Regions regions = PageSourcePi.regions(SCREEN, MASK);

        assertThat(regions.screenWidth()).isEqualTo(1080);
        assertThat(regions.screenHeight()).isEqualTo(2400);
        assertThat(regions.bounds()).containsExactly(new PageSourcePi.Bounds(60, 240, 1020, 330), new PageSourcePi.Bounds(60, 560, 1020, 660));
        assertThat(regions.unlocated()).isZero();
    }

    @Test
    void aViewShowingPiWithoutReadableBoundsIsCountedAsUnlocated() {
        String noBounds = SCREEN.replace("bounds=\"[60,240][1020,330]\"", "bounds=\"\"");
        PageSourcePi.Regions regions = PageSourcePi.regions(noBounds, MASK);
        assertThat(regions.bounds()).hasSize(1);
        assertThat(regions.unlocated()).isEqualTo(1);
        assertThat(regions.isEmpty()).isFalse();
    }

    @Test
    void aMaskedValueThatWouldBreakTheXmlIsEscaped() {
        String masked = PageSourcePi.masked(SCREEN, v -> v.equals("鲜味外卖") ? "a\"<b" : v);
        assertThat(masked).contains("text=\"a&quot;&lt;b\"");
        assertThat(PageSource.parse(masked, "masked").flatten().map(UiNode::text)).contains("a\"<b");
    }

    @Test
    void somethingThatIsNotAPageSourceHasNoRegions() {
        assertThatThrownBy(() -> PageSourcePi.regions("<html/>", MASK)).isInstanceOf(DeviceOutputException.class);
    }
}
