package io.permlab.it.dynamic;

import io.permlab.cli.ExitCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.permlab.it.dynamic.H5Target.flow;
import static io.permlab.it.dynamic.MalformedFlowTest.position;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A flow opens only the target's own hosts, and a served folder lies inside the target: a flow that opens
 * file:///etc/passwd or a loopback port, or a target.json serving "../../etc" or "/", is refused with the file, the
 * line and column or the field, before any browser starts; a page that itself navigates to a local file is not
 * followed (Chromium refuses file: from web pages). Nothing of /etc/passwd may reach the output folder. One batch in
 * real Chromium.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class FlowConfinementTest {
    private static final String OK_PAGE = "<!doctype html><html><body><p id=\"ok\">ready</p></body></html>";
    /** A line every /etc/passwd holds; seeing it in the output means a local file was read into the evidence. */
    private static final String PASSWD_LINE = "root:x:0:0";
    private static final String OPENS_FILE = flow("{\"open\": \"/index.html\"}", "{\"open\": \"file:///etc/passwd\"}",
            "{\"checkpoint\": {\"css\": \"#ok\"}, \"timeoutMs\": 2000}");
    private static final String OPENS_LOOPBACK = flow("{\"open\": \"/index.html\"}", "{\"open\": \"http://127.0.0.1:18777/\"}",
            "{\"checkpoint\": {\"css\": \"#ok\"}, \"timeoutMs\": 2000}");
    private static final String OPENS_JAVASCRIPT = flow("{\"open\": \"/index.html\"}", "{\"open\": \"javascript:alert(1)\"}",
            "{\"checkpoint\": {\"css\": \"#ok\"}, \"timeoutMs\": 2000}");
    /** A page that tries to pull a local file in by itself: an iframe, a fetch-free redirect on a tap. */
    private static final String GREEDY_PAGE = "<!doctype html><html><body><p id=\"ok\">ready</p>"
            + "<iframe id=\"f\" src=\"file:///etc/passwd\"></iframe>"
            + "<button id=\"go\" onclick=\"location.href='file:///etc/passwd'\">go</button></body></html>";

    @TempDir
    static Path dir;
    private static CliRun run;
    private static H5Target opensFile;
    private static H5Target opensLoopback;
    private static H5Target opensJavascript;

    @BeforeAll
    static void runTheBatch() throws IOException {
        Path targets = dir.resolve("targets");
        opensFile = H5Target.in(targets, "opens-file").served("a.example").page("index.html", OK_PAGE).flow(OPENS_FILE);
        opensLoopback = H5Target.in(targets, "opens-loopback").served("b.example").page("index.html", OK_PAGE).flow(OPENS_LOOPBACK);
        opensJavascript = H5Target.in(targets, "opens-javascript").served("c.example").page("index.html", OK_PAGE).flow(OPENS_JAVASCRIPT);
        H5Target greedy = H5Target.in(targets, "greedy-page").served("d.example").page("index.html", GREEDY_PAGE)
                .flow(flow("{\"open\": \"/index.html\"}", "{\"tap\": {\"css\": \"#go\"}}",
                        "{\"checkpoint\": {\"css\": \"#ok\"}, \"timeoutMs\": 3000}"));
        Path servesEtc = servingTarget(targets, "serves-etc", "../../../../../../../../etc");
        Path servesRoot = servingTarget(targets, "serves-root", "/");
        run = CliRun.run(dir.resolve("out"), List.of(opensFile.write(), opensLoopback.write(), opensJavascript.write(),
                greedy.write(), servesEtc, servesRoot));
    }

    /** A target whose second served host publishes {@code dir}, with a flow that reads passwd from it. */
    private static Path servingTarget(Path targets, String id, String servedDir) throws IOException {
        H5Target t = H5Target.in(targets, id).served(id + ".example").page("index.html", OK_PAGE)
                .flow(flow("{\"open\": \"/index.html\"}", "{\"open\": \"http://leak.example/passwd\"}",
                        "{\"checkpoint\": {\"css\": \"#ok\"}, \"timeoutMs\": 2000}"));
        Path folder = t.write();
        Path json = folder.resolve("target.json");
        String text = Files.readString(json).replace("\"dir\":\"site\"}]",
                "\"dir\":\"site\"},{\"host\":\"leak.example\",\"dir\":\"" + servedDir + "\"}]");
        Files.writeString(json, text);
        return folder;
    }

    @Test
    void exitCodeSaysFinishedWithErrors() {
        assertThat(run.exit()).as(run.console()).isEqualTo(ExitCode.FINISHED_WITH_ERRORS.code());
    }

    @Test
    void openingALocalFileIsAFlowErrorAtItsLineAndColumn() {
        assertThat(run.report().target("opens-file").errors()).as(run.console()).anySatisfy(e -> assertThat(e)
                .startsWith("flow: " + position(opensFile.flowFile(), OPENS_FILE, "\"file:///etc/passwd\"") + ": steps[1].open: ")
                .contains("file:"));
        assertThat(run.report().target("opens-file").runs()).isEmpty();
    }

    @Test
    void openingAHostTheTargetDoesNotListIsAFlowError() {
        assertThat(run.report().target("opens-loopback").errors()).as(run.console()).anySatisfy(e -> assertThat(e)
                .startsWith("flow: " + position(opensLoopback.flowFile(), OPENS_LOOPBACK, "\"http://127.0.0.1:18777/\"")
                        + ": steps[1].open: ").contains("127.0.0.1").contains("allowHosts"));
        assertThat(run.report().target("opens-loopback").runs()).isEmpty();
    }

    @Test
    void openingAJavascriptUrlIsAFlowError() {
        assertThat(run.report().target("opens-javascript").errors()).as(run.console()).anySatisfy(e -> assertThat(e)
                .startsWith("flow: " + position(opensJavascript.flowFile(), OPENS_JAVASCRIPT, "\"javascript:alert(1)\"")
                        + ": steps[1].open: "));
    }

    @Test
    void servingAFolderOutsideTheTargetIsATargetErrorNamingTheField() {
        for (String id : List.of("serves-etc", "serves-root")) {
            assertThat(run.report().target(id).errors()).as(id + "\n" + run.console())
                    .anySatisfy(e -> assertThat(e).startsWith("target: ").contains("serve[1].dir"));
            assertThat(run.report().target(id).runs()).as(id).isEmpty();
        }
    }

    @Test
    void aPageNavigatingToALocalFileIsNotFollowed() {
        RunReport.Run baseline = run.report().target("greedy-page").run(H5Target.FUNCTION + "-grant");
        assertThat(baseline.passed()).as(run.console()).isTrue();
    }

    @Test
    void noLocalFileReachesTheOutputFolder() throws IOException {
        try (Stream<Path> files = Files.walk(dir.resolve("out"))) {
            List<Path> leaking = files.filter(Files::isRegularFile).filter(FlowConfinementTest::holdsPasswd).toList();
            assertThat(leaking).as(run.console()).isEmpty();
        }
    }

    private static boolean holdsPasswd(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(PASSWD_LINE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
