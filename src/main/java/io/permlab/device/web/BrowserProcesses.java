package io.permlab.device.web;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The processes of a local browser, found by its profile folder on their command line. */
final class BrowserProcesses {
    private BrowserProcesses() {
    }

    /** Kills the browser's processes and the ChromeDriver that started them. */
    static void kill(Path profile) {
        String folder = profile.toString();
        List<ProcessHandle> browser = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(folder)).orElse(false)).toList();
        browser.stream().map(ProcessHandle::parent).flatMap(Optional::stream)
                .filter(p -> p.info().command().map(c -> c.contains("chromedriver")).orElse(false))
                .distinct().forEach(ProcessHandle::destroyForcibly);
        browser.forEach(ProcessHandle::destroyForcibly);
    }
}
