package io.permlab.model.flow;

/**
 * One step of a flow, with the line and column it was written at (for error messages and reports).
 * {@code functionStart} marks the step where the user starts using the function (for "asked before use");
 * {@code value} is the URL of open, the text of type, the option of select, or null. {@code timeoutMillis} 0 on an
 * open step means the device profile's page-load timeout. {@code refuse}, on a consent step only, are the controls a
 * user taps, in order, to decline the privacy policy instead (不同意, then a second sheet's 仍不同意): a flow that has
 * them gets a run with the policy declined (README, Targets and flows); a refusal may also answer the page's own dialog.
 * {@code dialog}, on a dialog step only, is how it answers the page's alert, confirm or prompt.
 */
public record Step(int index, Action action, Locator locator, String value, long timeoutMillis, boolean functionStart,
                   String note, int line, int column, java.util.List<Refusal> refuse, DialogAnswer dialog) {
    public Step {
        refuse = refuse == null ? java.util.List.of() : java.util.List.copyOf(refuse);
    }

    /**
     * The number people read for the step at {@code index}: a flow file's steps are counted from 1 in every message,
     * report and log line; the 0-based index stays in JSON fields, artifact file names (step-00-checkpoint.png) and keys.
     */
    public static int number(int index) {
        return index + 1;
    }

    /** This step's number as people count a flow file's steps, from 1 ({@link #number(int)}). */
    public int number() {
        return number(index);
    }

    /** A step that answers no dialog. */
    public Step(int index, Action action, Locator locator, String value, long timeoutMillis, boolean functionStart,
                String note, int line, int column, java.util.List<Refusal> refuse) {
        this(index, action, locator, value, timeoutMillis, functionStart, note, line, column, refuse, null);
    }

    /** A step with no refusal controls. */
    public Step(int index, Action action, Locator locator, String value, long timeoutMillis, boolean functionStart,
                String note, int line, int column) {
        this(index, action, locator, value, timeoutMillis, functionStart, note, line, column, java.util.List.of(), null);
    }

    /** "refuse consent text=不同意, then text=仍不同意" — how the consent step reads in a run that declines the policy. */
    public String describeRefusal() {
        return "refuse consent " + String.join(", then ", refuse.stream().map(Refusal::toString).toList());
    }

    /** "tap text=新增地址" — how the step reads in reports. */
    public String describe() {
        if (action == Action.DIALOG && dialog != null) {
            return dialog.describe();
        }
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
