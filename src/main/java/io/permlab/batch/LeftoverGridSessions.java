package io.permlab.batch;

import io.permlab.device.web.GridHub;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ends the Grid sessions an interrupted run of this campaign left open, before anything is inspected: a process killed
 * with -9 quits none of its sessions, and the Grid would hold them, and their nodes' slots, until its session timeout.
 * Only sessions this campaign's journal recorded are ended, each on the Grid that opened it, never another user's: by
 * the id the Grid answered, or, when the process was killed before it read that answer, by the browser profile folder
 * it asked for (a folder inside this campaign's output folder; the Grid's /status names each session's). A session the
 * Grid was still creating at the kill, the Grid ends itself once it sees the requester gone (Selenium Grid 4.48: "has
 * been created but it has timed out or the connection dropped").
 */
final class LeftoverGridSessions {
    private LeftoverGridSessions() {
    }

    /** Ends the recorded sessions; returns what the console and permlab.log should say (nothing when none was left). */
    static List<String> end(Journal journal) {
        Map<String, List<String>> endedByGrid = new LinkedHashMap<>();
        int gone = 0;
        List<String> notices = new ArrayList<>();
        for (Journal.GridSession s : journal.gridSessions()) {
            try {
                URL grid = url(s.grid());
                String id = s.id() != null ? s.id() : GridHub.sessionWithProfile(grid, Path.of(s.profile())).orElse(null);
                // no id: asked for, never answered, and not on the Grid (never created, or the Grid ended it itself)
                if (id != null) {
                    if (GridHub.endSession(grid, id) == GridHub.Ended.ENDED) {
                        endedByGrid.computeIfAbsent(s.grid(), g -> new ArrayList<>()).add(id);
                    } else {
                        gone++; // quit, or timed out, before the resume
                    }
                }
                journal.gridSessionEnded(s.profile());
            } catch (IOException | IllegalArgumentException e) {
                // kept in the journal: the next resume tries again; meanwhile the Grid's own timeout ends it
                String which = s.id() != null ? s.id() : "of " + s.profile();
                notices.add("could not end Grid session " + which + " the interrupted batch left open on " + s.grid() + ": "
                        + e.getMessage() + " (the Grid ends it after its session timeout; the next --resume tries again)");
            }
        }
        endedByGrid.forEach((grid, ids) -> notices.add(0, "ended " + ids.size() + " Grid session(s) the interrupted batch left open on "
                + grid + ": " + String.join(", ", ids)));
        if (gone > 0) {
            notices.add(gone + " Grid session(s) the interrupted batch left open had already ended");
        }
        return notices;
    }

    private static URL url(String grid) {
        try {
            return URI.create(grid).toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException("not a URL: " + grid, e);
        }
    }
}
