package io.permlab.device.android;

import java.util.List;
import java.util.Optional;

/** What a page source shows: a recognised permission dialog, a foreign window no rule matches, or neither. */
public sealed interface DialogRecognition {

    /**
     * A runtime-permission dialog. {@code group} is null when the message names no group in the catalogue; the
     * {@code dumpsys package} diff taken around the answer then says which permission it was.
     */
    record PermissionDialog(String packageName, String skin, Basis basis, String message, String group,
                            List<String> groupPermissions, List<OfferedChoice> choices) implements DialogRecognition {
        public enum Basis { RESOURCE_ID, LABEL }

        public PermissionDialog {
            groupPermissions = List.copyOf(groupPermissions);
            choices = List.copyOf(choices);
        }

        public Optional<OfferedChoice> offered(Choice choice) {
            return choices.stream().filter(c -> c.choice() == choice).findFirst();
        }
    }

    /**
     * A window of another package that looks like a dialog but matches no rule: recorded with its texts, never answered.
     */
    record UnrecognisedDialog(String packageName, String reason, List<String> texts) implements DialogRecognition {
        public UnrecognisedDialog {
            texts = List.copyOf(texts);
        }
    }

    /** Only the app's own (or no interactive) windows are on screen. */
    record NotAPermissionDialog(String reason) implements DialogRecognition {
    }
}
