package io.permlab.model.flow;

/**
 * One step of a flow, with the line and column it was written at (for error messages and reports).
 * {@code functionStart} marks the step where the user starts using the function (for "asked before use");
 * {@code value} is the URL of open, the text of type, the option of select, or null. {@code timeoutMillis} 0 on an
 * open step means the device profile's page-load timeout.
 */
public record Step(int index, Action action, Locator locator, String value, long timeoutMillis, boolean functionStart,
                   String note, int line, int column) {

    /** "tap text=新增地址" — how the step reads in reports. */
    public String describe() {
        StringBuilder sb = new StringBuilder(action.id());
        if (locator != null) {
            sb.append(' ').append(locator);
        }
        if (value != null && action != Action.TYPE) {
            sb.append(' ').append(value);
        } else if (action == Action.TYPE) {
            sb.append(" \"").append(value).append('"');
        }
        return sb.toString();
    }
}
