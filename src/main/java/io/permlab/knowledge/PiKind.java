package io.permlab.knowledge;

import io.permlab.model.Localized;

/** A kind of personal information (pi-kinds.json); {@code sensitive} marks PIPL sensitive PI. */
public record PiKind(String id, String zh, String en, boolean sensitive) {
    public Localized label() {
        return new Localized(zh, en);
    }
}
