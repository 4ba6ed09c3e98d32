package io.permlab.it.dynamic;

import java.nio.file.Path;
import java.util.List;

/**
 * The same download through a real Selenium Grid whose node runs with the run's HOME: the download preference
 * travels in the Grid's capabilities and the node's browser must honour it.
 */
class GridDownloadConfinementTest extends DownloadConfinementTest {
    private StandaloneGrid grid;

    @Override
    List<String> sessionArguments(Path runHome) throws Exception {
        grid = new StandaloneGrid().withHome(runHome);
        grid.start();
        return List.of("--grid", grid.url().toString());
    }

    @Override
    void stopSessions() throws Exception {
        if (grid != null) {
            grid.stop();
        }
    }
}
