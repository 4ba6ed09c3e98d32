package io.permlab.model.flow;

/**
 * How a {@code dialog} step answers the alert, confirm or prompt the page has open: accept (OK), with {@code text}
 * typed into a prompt first, or dismiss (Cancel). {@code text} is null when nothing is typed.
 */
public record DialogAnswer(boolean accept, String text) {
    /** "dialog accept", "dialog dismiss", "dialog accept \"张三\"" — how the answer reads in reports. */
    public String describe() {
        return "dialog " + (accept ? "accept" : "dismiss") + (text == null ? "" : " \"" + text + "\"");
    }
}
