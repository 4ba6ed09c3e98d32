package io.permlab.device.web;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;

import java.util.ArrayList;
import java.util.List;

/**
 * A css locator that also finds elements inside open shadow roots, as a user sees one page whatever web components it
 * is built of (Playwright's css does the same). The document is asked first, the browser's own way; only when it has
 * no match are the shadow roots searched, depth first in document order. Closed shadow roots stay closed: no script
 * outside the component can reach them.
 */
final class ShadowPiercingCss extends By {
    private static final String DEEP_QUERY = """
            var selector = arguments[0], found = [];
            (function visit(root) {
              root.querySelectorAll(selector).forEach(function (e) { if (root !== document) { found.push(e); } });
              root.querySelectorAll('*').forEach(function (e) { if (e.shadowRoot) { visit(e.shadowRoot); } });
            })(document);
            return found;
            """;

    private final String selector;

    ShadowPiercingCss(String selector) {
        this.selector = selector;
    }

    @Override
    public List<WebElement> findElements(SearchContext context) {
        List<WebElement> inDocument = By.cssSelector(selector).findElements(context);
        if (!inDocument.isEmpty() || !(context instanceof JavascriptExecutor js)) {
            return inDocument;
        }
        List<WebElement> out = new ArrayList<>();
        if (js.executeScript(DEEP_QUERY, selector) instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof WebElement e) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "By.cssSelector (open shadow roots too): " + selector;
    }
}
