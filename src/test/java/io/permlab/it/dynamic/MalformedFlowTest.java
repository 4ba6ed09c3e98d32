package io.permlab.it.dynamic;

import io.permlab.cli.ExitCode;
import org.junit.jupiter.api.BeforeAll;
import io.permlab.knowledge.pi.PiDetector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.permlab.it.dynamic.H5Target.flow;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flow files a person got wrong, in a batch with a correct target: each bad one is reported with its file, line,
 * column and field, nothing is run for it, the good target is still exercised, and the exit code is 5.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class MalformedFlowTest {
    private static final String OK_PAGE = "<!doctype html><html><body><p id=\"ok\">ready</p></body></html>";
    private static final String WRONG_TYPE = flow("{\"open\": \"/index.html\"}",
            "{\"tap\": {\"css\": \"#ok\"}, \"timeoutMs\": \"soon\"}", "{\"checkpoint\": {\"css\": \"#ok\"}}");
    private static final String MISSING_COMMA = "{\n  \"function\": \"check\",\n  \"steps\": [\n    {\"open\": \"/index.html\"}\n"
            + "    {\"checkpoint\": {\"css\": \"#ok\"}}\n  ]\n}\n";
    private static final String UNKNOWN_LOCATOR = flow("{\"open\": \"/index.html\"}",
            "{\"tap\": {\"csss\": \"#ok\"}}", "{\"checkpoint\": {\"css\": \"#ok\"}}");

    @TempDir
    static Path dir;
    private static CliRun run;
    private static H5Target wrongType;
    private static H5Target missingComma;
    private static H5Target unknownLocator;

    @BeforeAll
    static void runTheBatch() {
        Path targets = dir.resolve("targets");
        wrongType = H5Target.in(targets, "wrong-type").served("a.example").page("index.html", OK_PAGE).flow(WRONG_TYPE);
        missingComma = H5Target.in(targets, "missing-comma").served("b.example").page("index.html", OK_PAGE).flow(MISSING_COMMA);
        unknownLocator = H5Target.in(targets, "unknown-locator").served("c.example").page("index.html", OK_PAGE).flow(UNKNOWN_LOCATOR);
        H5Target good = H5Target.in(targets, "good").served("d.example").page("index.html", OK_PAGE)
                .flow(flow("{\"open\": \"/index.html\"}", "{\"checkpoint\": {\"css\": \"#ok\"}, \"timeoutMs\": 3000}"));
        run = CliRun.run(dir.resolve("out"), List.of(wrongType.write(), missingComma.write(), unknownLocator.write(), good.write()));
    }

    /** "file:line:column" of the first occurrence of {@code token} in {@code text} (1-based, as editors count). */
    static String position(Path file, String text, String token) {
        int at = text.indexOf(token);
        assertThat(at).as("token %s in the flow", token).isNotNegative();
        String before = text.substring(0, at);
        int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
        int column = at - before.lastIndexOf('\n');
        // reports mask PI-looking digit runs, and a temp folder's random number can look like a card number
        return PiDetector.mask(file + ":" + line + ":" + column);
    }

    @Test
    void exitCodeSaysFinishedWithErrors() {
        assertThat(run.exit()).as(run.console()).isEqualTo(ExitCode.FINISHED_WITH_ERRORS.code());
    }

    @Test
    void aValueOfTheWrongTypeNamesFileLineColumnAndField() {
        assertThat(run.report().target("wrong-type").errors()).anySatisfy(e -> assertThat(e)
                .startsWith("flow: " + position(wrongType.flowFile(), WRONG_TYPE, "\"soon\"") + ": steps[1].timeoutMs: "));
    }

    @Test
    void brokenJsonNamesWhereTheParserStopped() {
        assertThat(run.report().target("missing-comma").errors()).anySatisfy(e -> assertThat(e)
                .startsWith("flow: " + position(missingComma.flowFile(), MISSING_COMMA, "{\"checkpoint\"") + ": malformed JSON"));
    }

    @Test
    void aMistypedLocatorNamesTheLineAndTheField() {
        String at = position(unknownLocator.flowFile(), UNKNOWN_LOCATOR, "\"csss\"");
        String fileAndLine = at.substring(0, at.lastIndexOf(':'));
        assertThat(run.report().target("unknown-locator").errors()).anySatisfy(e -> assertThat(e)
                .startsWith("flow: " + fileAndLine + ":").contains(": steps[1].tap.csss: unknown key"));
    }

    @Test
    void nothingRunsForABadFlowAndTheGoodTargetIsStillExercised() {
        RunReport report = run.report();
        for (String bad : List.of("wrong-type", "missing-comma", "unknown-locator")) {
            assertThat(report.target(bad).runs()).as(bad).isEmpty();
        }
        assertThat(report.target("good").errors()).isEmpty();
        assertThat(report.target("good").run(H5Target.FUNCTION + "-grant").passed()).isTrue();
        assertThat(run.err()).contains(PiDetector.mask(wrongType.flowFile().toString()));
    }
}
