package io.permlab.device.web;

import java.net.URL;
import java.nio.file.Path;

/**
 * Told about each Grid session as it is asked for, answered and ended, so that the sessions of a process killed with -9
 * can be ended later: the Grid keeps a session whose client is gone until its own session timeout (300 s by default),
 * and the node's slot with it. A session is named by its browser profile folder (unique, and listed by the Grid's
 * /status as the session's {@code chrome.userDataDir}) from before it is asked for, so that one the Grid created but
 * whose answer the killed process never read can still be found. The batch records them in its journal.
 */
public interface GridSessionLedger {
    /** About to ask the Grid at {@code grid} for a session whose browser uses {@code profile}. */
    void opening(URL grid, Path profile);

    /** The Grid answered with session {@code sessionId}. */
    void opened(Path profile, String sessionId);

    /** The session was quit, or never came to be: the Grid no longer holds it. */
    void ended(Path profile);

    GridSessionLedger NONE = new GridSessionLedger() {
        @Override
        public void opening(URL grid, Path profile) {
        }

        @Override
        public void opened(Path profile, String sessionId) {
        }

        @Override
        public void ended(Path profile) {
        }
    };
}
