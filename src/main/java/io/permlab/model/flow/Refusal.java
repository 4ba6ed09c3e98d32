package io.permlab.model.flow;

/**
 * One thing a user does, in order, to decline the privacy policy on a consent step's {@code refuse} list: tap a control
 * (不同意, 仍不同意), or answer the page's own dialog ({@code confirm("确定不同意？")}) that a tap opened. Exactly one of
 * {@code control} and {@code dialog} is set.
 */
public record Refusal(Locator control, DialogAnswer dialog) {
    public Refusal {
        if ((control == null) == (dialog == null)) {
            throw new IllegalArgumentException("a refusal taps a control or answers a dialog");
        }
    }

    public static Refusal tap(Locator control) {
        return new Refusal(control, null);
    }

    public static Refusal answer(DialogAnswer dialog) {
        return new Refusal(null, dialog);
    }

    @Override
    public String toString() {
        return control != null ? control.toString() : dialog.describe();
    }
}
