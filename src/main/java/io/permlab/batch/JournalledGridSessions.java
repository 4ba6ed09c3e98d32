package io.permlab.batch;

import io.permlab.device.web.GridSessionLedger;

import java.net.URL;

/** The campaign's Grid sessions recorded in its journal while they are open, for a resumed run to end a killed one's. */
final class JournalledGridSessions implements GridSessionLedger {
    private final Journal journal;

    JournalledGridSessions(Journal journal) {
        this.journal = journal;
    }

    @Override
    public void opened(URL grid, String sessionId) {
        journal.gridSessionOpened(grid.toString(), sessionId);
    }

    @Override
    public void ended(String sessionId) {
        journal.gridSessionEnded(sessionId);
    }
}
