package io.permlab.model.flow;

import java.util.Locale;

/** How a flow step finds an element. Text matches an element's visible text exactly, after trimming. */
public enum LocatorKind {
    CSS, ID, TEXT, XPATH, ACCESSIBILITY_ID;

    public String id() {
        return this == ACCESSIBILITY_ID ? "accessibilityId" : name().toLowerCase(Locale.ROOT);
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
