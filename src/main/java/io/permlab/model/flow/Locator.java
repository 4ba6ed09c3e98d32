package io.permlab.model.flow;

/** An element a step acts on: {"css": "#save"}, {"text": "新增地址"}, {"id": "phone"}, {"xpath": ...}, {"accessibilityId": ...}. */
public record Locator(LocatorKind kind, String value) {
    @Override
    public String toString() {
        return kind.id() + "=" + value;
    }
}
