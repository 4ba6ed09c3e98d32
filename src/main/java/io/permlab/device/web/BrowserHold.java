package io.permlab.device.web;

import java.nio.file.Path;

/**
 * A session's hold on its browser: where the page's downloads land, which browser context the page lives in, and how
 * the session lets go at its end. A browser of its own is quit; a browser kept warm between runs
 * ({@link WarmBrowsers}) loses the run's context and waits for the next run.
 */
interface BrowserHold {
    /** The folder downloads are saved in. */
    Path downloads();

    /** The browser context of the session's page, for DevTools commands that name one; null for a browser's default context. */
    String contextId();

    /** The run is over: everything of it goes (its profile or its context). */
    void release();

    /** The browser is stuck or gone: its processes are killed, and nothing of it is used again. */
    void kill();
}
