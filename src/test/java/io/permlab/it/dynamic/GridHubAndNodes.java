package io.permlab.it.dynamic;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real Selenium Grid 4.48 on 127.0.0.1 as a hub and separate node processes ({@code @RegisterExtension static}), each
 * node with a fixed number of session slots, so that sessions left open hold slots as they do on a shared Grid. The
 * classpath is {@link StandaloneGrid}'s (tools/grid/pom.xml); the event bus uses free ports, so parallel builds do not
 * meet on 4442/4443. Nodes stop first, then the hub, their browsers and drivers with them.
 */
final class GridHubAndNodes implements BeforeAllCallback, AfterAllCallback {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final int nodes;
    private final int slotsPerNode;
    private final List<Process> processes = new ArrayList<>();
    private final List<Path> logs = new ArrayList<>();
    private int port;

    GridHubAndNodes(int nodes, int slotsPerNode) {
        this.nodes = nodes;
        this.slotsPerNode = slotsPerNode;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stop();
    }

    URL url() {
        return GridProcesses.url(port);
    }

    /** The hub and node processes (their browsers and drivers are below the nodes). */
    List<ProcessHandle> processes() {
        return processes.stream().map(Process::toHandle).toList();
    }

    void start() throws IOException, InterruptedException {
        String classpath = Files.readString(StandaloneGrid.classpathFile()).trim();
        port = Ports.free();
        String publish = "tcp://127.0.0.1:" + Ports.free();
        String subscribe = "tcp://127.0.0.1:" + Ports.free();
        launch(classpath, "hub", "hub", "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--publish-events", publish, "--subscribe-events", subscribe);
        for (int i = 1; i <= nodes; i++) {
            launch(classpath, "node" + i, "node", "--host", "127.0.0.1", "--port", Integer.toString(Ports.free()),
                    "--hub", url().toString(), "--publish-events", publish, "--subscribe-events", subscribe,
                    "--max-sessions", Integer.toString(slotsPerNode), "--selenium-manager", "false", "--detect-drivers", "true");
        }
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            for (Process p : processes) {
                if (!p.isAlive()) {
                    stop();
                    throw new AssertionError("a Grid process exited with " + p.exitValue() + ":\n" + tail());
                }
            }
            JsonObject status = status();
            if (status != null && status.get("ready").getAsBoolean() && chromeNodes(status) == nodes) {
                return;
            }
            Thread.sleep(250);
        }
        stop();
        throw new AssertionError("the Grid's hub and " + nodes + " nodes with Chromium were not up within "
                + READY_TIMEOUT.toSeconds() + " s (Debian: apt-get install chromium-driver):\n" + tail());
    }

    private void launch(String classpath, String name, String... args) throws IOException {
        Path log = Project.buildDir().resolve("grid-" + port + "-" + name + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classpath, "org.openqa.selenium.grid.Main"));
        command.addAll(List.of(args));
        processes.add(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start());
        logs.add(log);
    }

    private static int chromeNodes(JsonObject status) {
        int up = 0;
        for (JsonObject node : RunReport.objects(status.getAsJsonArray("nodes"))) {
            if ("UP".equals(node.get("availability").getAsString()) && node.toString().contains("\"browserName\":\"chrome\"")) {
                up++;
            }
        }
        return up;
    }

    /** The hub's /status value, or null while it does not answer. */
    JsonObject status() {
        return GridProcesses.status(url());
    }

    /** Ids of the sessions the Grid holds open, on any node. */
    List<String> openSessions() {
        return GridProcesses.openSessions(url()).stream().map(s -> s.get("sessionId").getAsString()).toList();
    }

    /**
     * Open sessions whose requester has had its answer at least {@code age} ago. /status lists a session from when its
     * node starts the browser (seconds before the client is answered), and the Grid ends by itself a session whose
     * requester has gone by then ("has been created but it has timed out or the connection dropped"); so when the
     * client was answered is read from the hub's log line "Session created by the Distributor. Id: …" (local time).
     */
    List<String> sessionsAnsweredFor(Duration age) {
        List<String> open = openSessions();
        List<String> answered = new ArrayList<>();
        java.time.LocalTime before = java.time.LocalTime.now().minus(age);
        try {
            for (String line : Files.readAllLines(logs.get(0))) {
                int at = line.indexOf(ANSWERED);
                if (at > 0 && line.length() >= 12) {
                    String id = line.substring(at + ANSWERED.length()).trim();
                    if (open.contains(id) && !java.time.LocalTime.parse(line.substring(0, 12)).isAfter(before)) {
                        answered.add(id);
                    }
                }
            }
        } catch (IOException | java.time.format.DateTimeParseException e) {
            throw new AssertionError("cannot read the hub's log: " + e.getMessage(), e);
        }
        return answered;
    }

    private static final String ANSWERED = "Session created by the Distributor. Id:";

    void stop() throws InterruptedException {
        List<Process> reversed = new ArrayList<>(processes);
        java.util.Collections.reverse(reversed); // nodes first: they quit their browsers; then the hub
        for (Process p : reversed) {
            GridProcesses.stop(p);
        }
    }

    String tail() {
        StringBuilder out = new StringBuilder();
        for (Path log : logs) {
            try {
                List<String> lines = Files.readAllLines(log);
                out.append("--- ").append(log.getFileName()).append('\n')
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()))).append('\n');
            } catch (IOException e) {
                out.append("(no log ").append(log).append(": ").append(e.getMessage()).append(")\n");
            }
        }
        return out.toString();
    }
}
