package io.permlab.device.web;

import java.net.URL;

/**
 * Told about each Grid session as it is opened and ended, so that the sessions of a process killed with -9 can be
 * ended later: the Grid keeps a session whose client is gone until its own session timeout (300 s by default), and
 * the node's slot with it. The batch records them in its journal (docs: README "Batch campaigns").
 */
public interface GridSessionLedger {
    /** The Grid at {@code grid} answered with session {@code sessionId}. */
    void opened(URL grid, String sessionId);

    /** The session was quit: the Grid no longer holds it. */
    void ended(String sessionId);

    GridSessionLedger NONE = new GridSessionLedger() {
        @Override
        public void opened(URL grid, String sessionId) {
        }

        @Override
        public void ended(String sessionId) {
        }
    };
}
