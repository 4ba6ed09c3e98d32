package io.permlab.it.dynamic;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.permlab.it.dynamic.H5Target.flow;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The site under test starts a download through a hidden iframe (a .bin file, served as application/octet-stream).
 * Chromium must not save it, not even a temporary part of it, in the user's Downloads folder or anywhere else outside
 * --out: the file lands in the run's folder and the run's evidence names it (URL masked, file name, size, step).
 * Real Chromium and PermLab's own site server; the command runs in a child JVM whose HOME is a fresh folder with an
 * empty Downloads folder, so whatever the browser writes there is seen, and other builds on the machine cannot
 * disturb the check.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DownloadConfinementTest {
    private static final String NAME = "permlab-download-" + UUID.randomUUID() + ".bin";
    private static final byte[] PAYLOAD = payload();
    private static final String PAGE = "<!doctype html><html><body><p id=\"ok\">ready</p>"
            + "<button id=\"get\" onclick=\"var f = document.createElement('iframe'); f.style.display = 'none';"
            + " f.src = '/" + NAME + "?phone=13812345678'; document.body.appendChild(f);\">get the file</button></body></html>";

    @TempDir
    static Path dir; // static: JUnit fills it before a per-class @BeforeAll; each test class gets its own
    private Path home;
    private Path out;
    private String console;
    private int exit;
    /** Every name created in the Downloads folder while the run went on, even if moved away at once. */
    private final List<String> createdInDownloads = new ArrayList<>();

    /** How the browser is reached, given the run's HOME: nothing added for local ChromeDriver. */
    List<String> sessionArguments(Path runHome) throws Exception {
        return List.of();
    }

    /** Stops what {@link #sessionArguments} started. */
    void stopSessions() throws Exception {
    }

    /**
     * Final, calling the hook: JUnit does not run an {@code @AfterAll} method a subclass overrides without the
     * annotation, and the Grid subclass's overriding {@link #stopSessions} left its Grid running after the class.
     */
    @AfterAll
    final void afterTheClass() throws Exception {
        stopSessions();
    }

    @BeforeAll
    void runIt() throws Exception {
        H5Target t = H5Target.in(dir.resolve("targets"), "downloader").served("files.example").page("index.html", PAGE)
                .flow(flow("{\"open\": \"/index.html\"}", "{\"tap\": {\"css\": \"#get\"}}", "{\"wait\": 1500}",
                        "{\"checkpoint\": {\"css\": \"#ok\"}, \"timeoutMs\": 3000}"));
        Path folder = t.write();
        Files.write(folder.resolve("site").resolve(NAME), PAYLOAD);
        home = Files.createDirectories(dir.resolve("home"));
        Path downloads = Files.createDirectories(home.resolve("Downloads"));
        out = dir.resolve("out");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Dpermlab.home=" + System.getProperty("permlab.home"), "-cp", System.getProperty("java.class.path"),
                "io.permlab.cli.PermLab", "run", folder.toString(), "--out", out.toString(), "--no-progress"));
        command.addAll(sessionArguments(home));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("HOME", home.toString());
        pb.environment().remove("XDG_DOWNLOAD_DIR");
        try (WatchService watch = FileSystems.getDefault().newWatchService()) {
            WatchKey key = downloads.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            Process p = pb.start();
            console = new String(p.getInputStream().readAllBytes());
            exit = p.waitFor();
            Thread.sleep(500); // the watch service delivers a moment late
            key.pollEvents().forEach(e -> createdInDownloads.add(String.valueOf(e.context())));
        }
    }

    private RunReport.Run grantRun() {
        return RunReport.read(out.resolve("findings.json")).target("downloader").run(H5Target.FUNCTION + "-grant");
    }

    private static byte[] payload() {
        byte[] b = new byte[3000];
        Arrays.fill(b, (byte) 'x');
        System.arraycopy("DOWNLOADED-BY-THE-SITE".getBytes(), 0, b, 0, 22);
        return b;
    }

    @Test
    void nothingLandsInTheUsersDownloadsFolder() throws IOException {
        assertThat(grantRun().passed()).as(console).isTrue();
        try (Stream<Path> files = Files.list(home.resolve("Downloads"))) {
            assertThat(files).as(console).isEmpty();
        }
        assertThat(createdInDownloads).as("created in ~/Downloads during the run (Chromium's temporary download files)").isEmpty();
    }

    @Test
    void noCopyOfTheFileIsLeftOutsideTheOutputFolder() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> copies = files.filter(Files::isRegularFile).filter(p -> !p.startsWith(out))
                    .filter(p -> p.getFileName().toString().equals(NAME) ? !p.startsWith(dir.resolve("targets")) : sameBytes(p)).toList();
            assertThat(copies).as(console).isEmpty();
        }
    }

    private boolean sameBytes(Path p) {
        try {
            return Files.size(p) == PAYLOAD.length && Arrays.equals(Files.readAllBytes(p), PAYLOAD) && !p.startsWith(dir.resolve("targets"));
        } catch (IOException e) {
            return false; // a browser file that vanished while walking
        }
    }

    @Test
    void theFileIsKeptInTheRunsFolder() throws IOException {
        Path runFolder = out.resolve("runs/downloader/" + H5Target.FUNCTION + "-grant");
        try (Stream<Path> files = Files.walk(runFolder)) {
            List<Path> kept = files.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".bin")).toList();
            assertThat(kept).as(console).hasSize(1);
            assertThat(Files.readAllBytes(kept.get(0))).isEqualTo(PAYLOAD);
        }
    }

    @Test
    void theDownloadIsInTheEvidenceWithItsUrlMasked() {
        JsonObject run0 = grantRun().json();
        assertThat(run0.has("downloads")).as(run0.toString()).isTrue();
        List<JsonObject> downloads = RunReport.objects(run0.getAsJsonArray("downloads"));
        assertThat(downloads).as(downloads.toString()).hasSize(1);
        JsonObject d = downloads.get(0);
        assertThat(d.get("fileName").getAsString()).isEqualTo(NAME);
        assertThat(d.get("bytes").getAsLong()).isEqualTo(PAYLOAD.length);
        assertThat(d.get("stepIndex").getAsInt()).isEqualTo(1);
        assertThat(d.get("state").getAsString()).isEqualTo("completed");
        assertThat(d.get("url").getAsString()).contains(NAME).contains("phone=").doesNotContain("13812345678");
        assertThat(out.resolve(d.get("file").getAsString())).hasBinaryContent(PAYLOAD);
    }

    @Test
    void theHtmlReportShowsTheDownloadAndLinksTheCopy() throws IOException {
        String html = Files.readString(out.resolve("index.html"));
        JsonObject d = RunReport.objects(grantRun().json().getAsJsonArray("downloads")).get(0);
        assertThat(html).contains(NAME).contains("href=\"" + d.get("file").getAsString() + "\"").doesNotContain("13812345678");
    }

    @Test
    void theRunFinishesWithoutErrors() {
        // 4: the phone number in the download's URL over http is a finding; 5 would mean the run had errors
        assertThat(exit).as(console).isIn(0, 4);
    }
}
