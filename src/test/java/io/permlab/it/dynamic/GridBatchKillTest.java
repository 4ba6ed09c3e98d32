package io.permlab.it.dynamic;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10's proof on a Grid: a campaign of H5 targets through a real Selenium Grid on 127.0.0.1 (a hub and two nodes
 * of one slot each, --parallel 2) is killed with SIGKILL at points read from its journal — while a target is running
 * with a Grid session open, then after a target finished in the resumed process — resumed, and finally resumed to the
 * end. Its reports must conclude what an uninterrupted run's do: every finding of every target with its rule and
 * severity, none lost, none twice, the same summary and campaign.csv; no target finished before a kill inspected
 * again; and no session left on the Grid.
 *
 * Slow (several minutes on 2 cores: each H5 target explores its functions in several browser sessions), so it is tagged
 * and left out of the default run: bench/grid-batch-kill.sh runs it and records its time.
 */
@Tag("grid-kill")
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class GridBatchKillTest {
    private static final Duration RUN = Duration.ofMinutes(6);

    @RegisterExtension
    static final GridHubAndNodes GRID = new GridHubAndNodes(2, 1);

    @TempDir
    static Path dir;

    @AfterAll
    static void endWhateverOutlivedTheRun() {
        Leftovers.kill(dir.toString(), ProcessHandle.current());
    }

    @Test
    void killedAndResumedGridCampaignEqualsAnUninterruptedOne() throws Exception {
        long start = System.nanoTime();
        Path manifest = dir.resolve("campaign.csv");
        Files.writeString(manifest, "名称,运营者,版本,类别,目标\n"
                + "鲜味外卖 H5,鲜味餐饮,1,餐饮外卖," + Project.sample("demo-delivery") + "\n"
                + "鲜味外卖 H5 合规,鲜味餐饮,1,餐饮外卖," + Project.sample("demo-delivery-compliant") + "\n"
                + "鲜味外卖 H5,鲜味餐饮,2,餐饮外卖," + Project.sample("demo-delivery") + "\n");
        String[] campaign = {manifest.toString(), "--grid", GRID.url().toString(), "--parallel", "2"};

        BatchProcess reference = BatchProcess.start(dir, dir.resolve("ref"), campaign);
        int referenceExit = reference.awaitExit(RUN);
        assertThat(referenceExit).as(reference.printed()).isEqualTo(4);
        long referenceMillis = (System.nanoTime() - start) / 1_000_000;

        Path out = dir.resolve("killed");
        Map<String, String> finishedBeforeKills = new HashMap<>();
        List<String> consoles = new ArrayList<>();

        // Kill 1: a target running, holding a Grid session the batch has been answered for.
        BatchProcess first = BatchProcess.start(dir, out, campaign);
        assertThat(first.awaitWhileAlive(() -> first.count("running") > 0 && !GRID.sessionsAnsweredFor(Duration.ofMillis(500)).isEmpty(), RUN))
                .as("killed while a target ran:\n" + first.printed()).isTrue();
        first.kill9();
        consoles.add(first.printed());
        finishedBeforeKills.putAll(first.finishedStamps());

        // Kill 2: in the resumed process, right after a target finished there (another one may be running).
        BatchProcess second = BatchProcess.start(dir, out, append(campaign, "--resume"));
        int before = finishedBeforeKills.size();
        assertThat(second.awaitWhileAlive(() -> second.finishedStamps().size() > before, RUN))
                .as("killed after a target finished in the resumed run:\n" + second.printed()).isTrue();
        second.kill9();
        consoles.add(second.printed());
        Map<String, String> afterSecond = second.finishedStamps();
        finishedBeforeKills.forEach((id, stamp) -> assertThat(afterSecond).as("finished before kill 1").containsEntry(id, stamp));
        finishedBeforeKills.putAll(afterSecond);
        assertThat(finishedBeforeKills).as("kill 2 left something to resume").hasSizeLessThan(3);

        BatchProcess last = BatchProcess.start(dir, out, append(campaign, "--resume"));
        assertThat(last.awaitExit(RUN)).as(last.printed()).isEqualTo(referenceExit);
        consoles.add(last.printed());

        Map<String, String> finalStamps = last.finishedStamps();
        finishedBeforeKills.forEach((id, stamp) -> assertThat(finalStamps).as("not inspected twice").containsEntry(id, stamp));
        assertThat(last.states().values()).containsExactly("done", "done", "done");
        assertThat(consoles.get(1)).as("the first resume ended what kill 1 left on the Grid")
                .containsPattern("permlab batch: ended [12] Grid session\\(s\\) the interrupted batch left open");
        assertThat(GRID.openSessions()).as("no session held on the Grid").isEmpty();

        JsonObject ref = JsonParser.parseString(Files.readString(dir.resolve("ref/findings.json"))).getAsJsonObject();
        JsonObject got = JsonParser.parseString(Files.readString(out.resolve("findings.json"))).getAsJsonObject();
        List<String> refPrints = fingerprints(ref);
        assertThat(refPrints).hasSizeGreaterThan(40);
        assertThat(fingerprints(got)).as("0 lost, 0 duplicated").containsExactlyInAnyOrderElementsOf(refPrints);
        // Two uninterrupted runs of an H5 exploration differ in more than times (the sample's random device id, the
        // step during which a request was seen, durations inside verdict texts), so what is compared is what the
        // reports conclude: the summary, every finding's rule and severity by fingerprint, each target's errors.
        assertThat(got.get("summary")).isEqualTo(ref.get("summary"));
        assertThat(verdicts(got)).containsExactlyInAnyOrderElementsOf(verdicts(ref));
        // campaign.csv apart from the evidence pointers of its problems (which step of a run saw a request varies the same way)
        assertThat(withoutEvidence(out.resolve("campaign.csv"))).isEqualTo(withoutEvidence(dir.resolve("ref/campaign.csv")));
        System.out.printf("GridBatchKillTest: reference run %d ms, whole test %d ms%n", referenceMillis, (System.nanoTime() - start) / 1_000_000);
    }

    private static String[] append(String[] args, String... more) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static List<String> fingerprints(JsonObject findings) {
        List<String> out = new ArrayList<>();
        for (JsonElement t : findings.getAsJsonArray("targets")) {
            String id = t.getAsJsonObject().get("id").getAsString();
            for (JsonElement f : t.getAsJsonObject().getAsJsonArray("findings")) {
                out.add(id + "/" + f.getAsJsonObject().get("fingerprint").getAsString());
            }
        }
        return out;
    }

    private static final Set<String> TIMES = Set.of("startedAt", "finishedAt", "millis");
    private static final java.util.regex.Pattern EVIDENCE = java.util.regex.Pattern.compile("；证据：[^）]*）");

    private static List<String> withoutEvidence(Path csv) throws java.io.IOException {
        return Files.readAllLines(csv).stream().map(l -> EVIDENCE.matcher(l).replaceAll("）")).toList();
    }

    /** Per target: each finding as "target/fingerprint rule severity", and its errors as "target error: phase". */
    private static List<String> verdicts(JsonObject findings) {
        List<String> out = new ArrayList<>();
        for (JsonElement t : findings.getAsJsonArray("targets")) {
            JsonObject target = t.getAsJsonObject();
            String id = target.get("id").getAsString();
            for (JsonElement f : target.getAsJsonArray("findings")) {
                JsonObject o = f.getAsJsonObject();
                out.add(id + "/" + o.get("fingerprint").getAsString() + " " + o.get("ruleId").getAsString() + " " + o.get("severity").getAsString());
            }
            if (target.has("errors")) {
                target.getAsJsonArray("errors").forEach(e -> out.add(id + " error: " + withoutTimes(e)));
            }
        }
        return out;
    }

    private static JsonElement withoutTimes(JsonElement e) {
        if (e.isJsonObject()) {
            JsonObject o = new JsonObject();
            e.getAsJsonObject().entrySet().stream().filter(x -> !TIMES.contains(x.getKey()))
                    .forEach(x -> o.add(x.getKey(), withoutTimes(x.getValue())));
            return o;
        }
        if (e.isJsonArray()) {
            JsonArray a = new JsonArray();
            e.getAsJsonArray().forEach(x -> a.add(withoutTimes(x)));
            return a;
        }
        return e;
    }
}
