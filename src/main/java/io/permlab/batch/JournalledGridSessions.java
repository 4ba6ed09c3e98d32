package io.permlab.batch;

import io.permlab.device.web.GridSessionLedger;

import java.net.URL;
import java.nio.file.Path;

/** The campaign's Grid sessions recorded in its journal while they are open, for a resumed run to end a killed one's. */
final class JournalledGridSessions implements GridSessionLedger {
    private final Journal journal;

    JournalledGridSessions(Journal journal) {
        this.journal = journal;
    }

    @Override
    public void opening(URL grid, Path profile) {
        journal.gridSessionOpening(grid.toString(), profile.toString());
    }

    @Override
    public void opened(Path profile, String sessionId) {
        journal.gridSessionOpened(profile.toString(), sessionId);
    }

    @Override
    public void ended(Path profile) {
        journal.gridSessionEnded(profile.toString());
    }
}
