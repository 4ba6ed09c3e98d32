package io.permlab.device.web;

import io.permlab.knowledge.pi.PiDetector;
import io.permlab.model.Localized;
import io.permlab.model.flow.Locator;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.util.Map;

/**
 * What lies over a control at the point a tap lands, when it is a layer no user gets past: one that covers at least
 * half of the screen, or a modal dialog (`dialog:modal`, `aria-modal="true"`). The layer is the outermost ancestor of the
 * topmost element at the control's centre that does not contain the control, so a notice's backdrop and its text are
 * one layer. Its text (PI masked) is kept as the evidence of what stood in the way.
 */
record CoveringLayer(String name, int screenPercent, String text) {
    /** Half the screen: a toast or a bottom bar is less; a notice, a sheet or a backdrop is more. */
    static final double SCREEN_SHARE = 0.5;

    private static final String LOOK = """
            var el = arguments[0], share = arguments[1];
            function centre() { var r = el.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; }
            var c = centre();
            if (c[0] < 0 || c[1] < 0 || c[0] > innerWidth || c[1] > innerHeight) { el.scrollIntoView({block: 'center'}); c = centre(); }
            var root = el.getRootNode && el.getRootNode().elementFromPoint ? el.getRootNode() : document;
            var top = root.elementFromPoint(c[0], c[1]);
            if (!top || top === el || el.contains(top) || top.contains(el)) return null;
            var layer = top;
            while (layer.parentElement && !layer.parentElement.contains(el)) layer = layer.parentElement;
            var r = layer.getBoundingClientRect();
            var w = Math.max(0, Math.min(r.right, innerWidth) - Math.max(r.left, 0));
            var h = Math.max(0, Math.min(r.bottom, innerHeight) - Math.max(r.top, 0));
            var part = (w * h) / (innerWidth * innerHeight);
            var modal = layer.matches('dialog:modal, [aria-modal="true"]') || !!layer.querySelector('dialog:modal, [aria-modal="true"]');
            if (part < share && !modal) return null;
            var name = layer.tagName.toLowerCase() + (layer.id ? '#' + layer.id : '')
                + (typeof layer.className === 'string' && layer.className.trim() ? '.' + layer.className.trim().split(/\\s+/).join('.') : '');
            return {name: name, percent: Math.round(part * 100), text: (layer.innerText || '').replace(/\\s+/g, ' ').trim().slice(0, 80)};
            """;

    /** The layer over the element's centre that no user gets past, or null (nothing, or a small overlay). */
    static CoveringLayer over(WebDriver driver, WebElement element) {
        Object found = ((JavascriptExecutor) driver).executeScript(LOOK, element, SCREEN_SHARE);
        if (!(found instanceof Map<?, ?> m)) {
            return null;
        }
        return new CoveringLayer(String.valueOf(m.get("name")), ((Number) m.get("percent")).intValue(),
                PiDetector.mask(String.valueOf(m.get("text"))));
    }

    /** "blocked: css=#save is covered by div#lock (100% of the screen: '未开启定位权限…'), page quiet …". */
    Localized decided(Locator locator, long afterMillis, long timeoutMillis, boolean quiet) {
        String how = quiet ? "the page was quiet" : "the step's time was up";
        String zhHow = quiet ? "页面已静止" : "步骤超时";
        return new Localized(
                "判定受阻：" + locator + " 被 " + name + " 遮挡（覆盖屏幕 " + screenPercent + "%：「" + text + "」），用户无法点到；"
                        + zhHow + "（第 " + afterMillis + " 毫秒判定，步骤超时 " + timeoutMillis + " 毫秒）",
                "blocked: " + locator + " is covered by " + name + " (" + screenPercent + "% of the screen: '" + text
                        + "'), which no user gets past; " + how + " (decided after " + afterMillis + " ms of the step's " + timeoutMillis + " ms)");
    }
}
