package io.permlab.device.android;

import java.util.List;
import java.util.Optional;

/** What WeChat's native layer shows: an authorization sheet PermLab can read, one it cannot, or none. */
public sealed interface WeChatSheetRecognition {

    /**
     * A recognised sheet: which scope (or "phoneNumber"), the permission id the exploration uses, whether WeChat remembers
     * the answer, the program's name and the sheet's title as shown, the purpose text under it (the program's {@code desc};
     * empty when the sheet shows none), and the choices offered.
     */
    record AuthorizationSheet(String scope, String permission, boolean remembered, String programName, String title,
                              String purpose, List<OfferedChoice> choices) implements WeChatSheetRecognition {
        public AuthorizationSheet {
            choices = List.copyOf(choices);
        }

        public Optional<OfferedChoice> offered(Choice choice) {
            return choices.stream().filter(c -> c.choice() == choice).findFirst();
        }
    }

    /** Allow and deny buttons whose sheet names no scope the catalogue knows: kept with its texts, never answered. */
    record UnrecognisedSheet(String reason, List<String> texts) implements WeChatSheetRecognition {
        public UnrecognisedSheet {
            texts = List.copyOf(texts);
        }
    }

    /** No allow/deny pair outside the WebView: the mini-program's page (or nothing of WeChat's) is on screen. */
    record NoSheet(String reason) implements WeChatSheetRecognition {
    }
}
