package io.permlab.it.dynamic;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch on a real Grid (hub and two nodes of two slots each, 127.0.0.1) killed with -9 while its sessions are open
 * leaves them open: the Grid keeps a session until its own timeout (300 s) and its slot with it. '--resume --grid'
 * ends exactly those sessions before it inspects anything, and never another user's session on the same Grid.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class GridLeftoverSessionsTest {
    /** Far below the Grid's 300 s session timeout: what ends the sessions by then is the resumed batch. */
    private static final Duration ENDED_WITHIN = Duration.ofSeconds(40);

    @RegisterExtension
    static final GridHubAndNodes GRID = new GridHubAndNodes(2, 2);

    @TempDir
    static Path dir;

    @AfterAll
    static void endWhateverOutlivedTheRun() {
        Leftovers.kill(dir.toString(), ProcessHandle.current());
    }

    @Test
    void resumeEndsTheSessionsTheKilledBatchLeftOpenAndNoOtherUsers() throws Exception {
        String foreign = openForeignSession(dir.resolve("another-user-profile"));
        Path manifest = dir.resolve("campaign.csv");
        Files.writeString(manifest, "名称,运营者,版本,目标\n"
                + "鲜味外卖 H5,鲜味餐饮,1," + Project.sample("demo-delivery") + "\n"
                + "鲜味外卖 H5 合规,鲜味餐饮,1," + Project.sample("demo-delivery-compliant") + "\n");
        Path out = dir.resolve("out");
        String[] grid = {manifest.toString(), "--grid", GRID.url().toString(), "--parallel", "2"};

        BatchProcess killed = BatchProcess.start(dir, out, grid);
        // Killed while the batch holds a session it has been answered for (one the Grid was still creating, the Grid
        // ends by itself when the requester has gone: see GridHubAndNodes.sessionsAnsweredFor).
        boolean open = killed.awaitWhileAlive(() -> GRID.sessionsAnsweredFor(Duration.ofMillis(500)).stream()
                .anyMatch(id -> !id.equals(foreign)), Duration.ofMinutes(2));
        assertThat(open).as("the batch had a Grid session open:\n" + killed.printed()).isTrue();
        killed.kill9();
        Thread.sleep(2_000);
        List<String> leftovers = new ArrayList<>(GRID.openSessions());
        leftovers.remove(foreign);
        assertThat(leftovers).as("the killed batch's sessions outlive it on the Grid").isNotEmpty();

        BatchProcess resumed = BatchProcess.start(dir, out, append(grid, "--resume"));
        try {
            long start = System.nanoTime();
            boolean ended = resumed.awaitWhileAlive(() -> GRID.openSessions().stream().noneMatch(leftovers::contains), ENDED_WITHIN)
                    || GRID.openSessions().stream().noneMatch(leftovers::contains);
            assertThat(ended).as("the killed batch's sessions " + leftovers + " were ended").isTrue();
            System.out.printf("leftover sessions ended %d ms after the resume started%n", (System.nanoTime() - start) / 1_000_000);
            assertThat(resumed.awaitExit(Duration.ofMinutes(3))).as(resumed.printed() + "\n" + GRID.tail()).isEqualTo(4);
        } finally {
            resumed.kill9();
        }
        // It says which it ended: those it had been answered for (one the Grid was still creating, the Grid ended itself).
        java.util.regex.Matcher said = java.util.regex.Pattern.compile("permlab batch: ended (\\d+) Grid session\\(s\\) the interrupted "
                + "batch left open on " + java.util.regex.Pattern.quote(GRID.url().toString()) + ": (\\S.*)").matcher(resumed.printed());
        assertThat(said.find()).as(resumed.printed()).isTrue();
        List<String> named = List.of(said.group(2).trim().split(", "));
        assertThat(named).hasSize(Integer.parseInt(said.group(1))).isSubsetOf(leftovers);
        assertThat(resumed.states().values()).containsExactly("done", "done");
        assertThat(GRID.openSessions()).as("another user's session is never ended").containsExactly(foreign);
        endSession(foreign);
        // every browser PermLab starts names its profile folder, under the output folder, on its command line
        assertThat(Leftovers.awaitNone(out.toString(), resumed.process().toHandle(), Duration.ofSeconds(20)))
                .as("no browser of the killed batch is left").isEmpty();
    }

    private static String[] append(String[] args, String... more) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** A session another user holds on the same Grid: a plain W3C new-session request, its own profile folder. */
    private static String openForeignSession(Path profile) throws Exception {
        Files.createDirectories(profile);
        String body = "{\"capabilities\":{\"alwaysMatch\":{\"browserName\":\"chrome\",\"goog:chromeOptions\":{\"binary\":\"/usr/bin/chromium\","
                + "\"args\":[\"--headless=new\",\"--no-sandbox\",\"--disable-gpu\",\"--user-data-dir=" + profile + "\"]}}}}";
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(GRID.url() + "/session"))
                .header("Content-Type", "application/json; charset=utf-8").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JsonParser.parseString(r.body()).getAsJsonObject().getAsJsonObject("value").get("sessionId").getAsString();
    }

    private static void endSession(String id) throws Exception {
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(GRID.url() + "/session/" + id)).DELETE()
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
