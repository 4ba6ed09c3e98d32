package io.permlab.model.flow;

import java.util.Locale;

/** How a flow step finds an element. Text matches an element's visible text exactly, after trimming. */
public enum LocatorKind {
    CSS, ID, TEXT, XPATH, ACCESSIBILITY_ID,
    /** Android only: a UiAutomator selector, {"uiSelector": "new UiSelector().textContains(\"地址\")"}. */
    UI_SELECTOR;

    public String id() {
        return switch (this) {
            case ACCESSIBILITY_ID -> "accessibilityId";
            case UI_SELECTOR -> "uiSelector";
            default -> name().toLowerCase(Locale.ROOT);
        };
    }

    public static LocatorKind fromId(String id) {
        for (LocatorKind k : values()) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        return null;
    }
}
