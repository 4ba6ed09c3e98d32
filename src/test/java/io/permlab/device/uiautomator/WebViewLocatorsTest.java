package io.permlab.device.uiautomator;

import io.permlab.exercise.SessionException;
import io.permlab.model.flow.Locator;
import io.permlab.model.flow.LocatorKind;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Flow locators as chromedriver queries inside a mini-program's WebView context. */
class WebViewLocatorsTest {
    private static By by(LocatorKind kind, String value) throws SessionException {
        return WebViewLocators.by(new Locator(kind, value));
    }

    @Test
    void cssIdAndXpathAreWebQueriesAsWritten() throws SessionException {
        assertThat(by(LocatorKind.CSS, ".address-form button")).isEqualTo(By.cssSelector(".address-form button"));
        assertThat(by(LocatorKind.ID, "save")).isEqualTo(By.id("save"));
        assertThat(by(LocatorKind.XPATH, "//button[1]")).isEqualTo(By.xpath("//button[1]"));
    }

    @Test
    void textMatchesAnElementsOwnTrimmedText() throws SessionException {
        assertThat(by(LocatorKind.TEXT, " 新增收货地址 ")).isEqualTo(By.xpath("//*[text()[normalize-space(.)='新增收货地址']]"));
    }

    /** Quotes of both kinds in one label: XPath 1.0 has no escape, so concat() carries them. */
    @Test
    void textWithBothQuoteKindsIsQuotedWithConcat() throws SessionException {
        assertThat(by(LocatorKind.TEXT, "it's \"here\"")).isEqualTo(
                By.xpath("//*[text()[normalize-space(.)=concat('it', \"'\", 's \"here\"')]]"));
        assertThat(by(LocatorKind.TEXT, "it's")).isEqualTo(By.xpath("//*[text()[normalize-space(.)=\"it's\"]]"));
    }

    @Test
    void aUiSelectorHasNoMeaningInAWebPage() {
        assertThatThrownBy(() -> by(LocatorKind.UI_SELECTOR, "new UiSelector().text(\"x\")"))
                .isInstanceOf(SessionException.class).hasMessageContaining("use css, id, text or xpath");
    }
}
