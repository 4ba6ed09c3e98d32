package io.permlab.device.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A hub's /status as Selenium Grid 4.48 answers it (src/test/resources/grid/README.md): a session found by its profile folder. */
class GridStatusTest {
    private static final Path STATUS = Path.of("src/test/resources/grid/status-hub-2-nodes-one-session.json");

    @Test
    void theOpenSessionIsFoundByTheProfileFolderItsBrowserUses() throws IOException {
        assertThat(GridStatus.sessionWithProfile(Files.readString(STATUS), "/tmp/gridexp/prof1")).contains("cae96d8c0d8296ecf8545ea988d72eef");
    }

    @Test
    void anotherFolderOrAPrefixOfItFindsNothing() throws IOException {
        String status = Files.readString(STATUS);
        assertThat(GridStatus.sessionWithProfile(status, "/tmp/gridexp/prof2")).isEmpty();
        assertThat(GridStatus.sessionWithProfile(status, "/tmp/gridexp")).isEmpty();
        assertThat(GridStatus.sessionWithProfile(status, "/tmp/gridexp/prof1/")).isEmpty();
    }

    @Test
    void anAnswerThatIsNotAGridStatusIsAnError() {
        assertThatThrownBy(() -> GridStatus.sessionWithProfile("{\"value\":{\"ready\":true}}", "/p")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> GridStatus.sessionWithProfile("<html>", "/p")).isInstanceOf(IOException.class);
    }
}
