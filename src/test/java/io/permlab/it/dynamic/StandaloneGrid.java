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
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Selenium Grid 4.48 standalone on 127.0.0.1 for one test class ({@code @RegisterExtension static}): its
 * classpath comes from tools/grid/pom.xml (built once into the build directory), the node detects Debian's
 * /usr/bin/chromedriver on PATH, and the Grid is stopped after the class, its browsers and drivers first.
 */
final class StandaloneGrid implements BeforeAllCallback, AfterAllCallback {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private Process process;
    private int port;
    private Path log;
    private Path home;

    /** The Grid (and so its browsers) with this HOME instead of the test's. */
    StandaloneGrid withHome(Path folder) {
        this.home = folder;
        return this;
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

    int port() {
        return port;
    }

    ProcessHandle process() {
        return process.toHandle();
    }

    Path log() {
        return log;
    }

    void start() throws IOException, InterruptedException {
        String classpath = Files.readString(classpathFile()).trim();
        port = Ports.free();
        log = Project.buildDir().resolve("grid-" + port + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder grid = new ProcessBuilder(java, "-Xmx512m", "-cp", classpath, "org.openqa.selenium.grid.Main", "standalone",
                "--host", "127.0.0.1", "--port", Integer.toString(port), "--selenium-manager", "false", "--detect-drivers", "true")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        if (home != null) {
            grid.environment().put("HOME", home.toString());
        }
        process = grid.start();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("Selenium Grid exited with " + process.exitValue() + ":\n" + tail());
            }
            JsonObject status = status();
            if (status != null && status.get("ready").getAsBoolean()) {
                if (!status.toString().contains("\"browserName\":\"chrome\"")) {
                    stop();
                    throw new AssertionError("the Grid's node found no chromedriver on PATH (Debian: apt-get install chromium-driver):\n" + tail());
                }
                return;
            }
            Thread.sleep(250);
        }
        stop();
        throw new AssertionError("Selenium Grid not ready within " + READY_TIMEOUT.toSeconds() + " s:\n" + tail());
    }

    /** The Grid's /status value, or null while it does not answer. */
    JsonObject status() {
        return GridProcesses.status(url());
    }

    /** Sessions the Grid still holds open. */
    int openSessions() {
        return GridProcesses.openSessions(url()).size();
    }

    void stop() throws InterruptedException {
        GridProcesses.stop(process);
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** tools/grid/pom.xml's classpath, resolved by Maven once per build directory (again when the pom changes). */
    static synchronized Path classpathFile() throws IOException, InterruptedException {
        Path pom = Project.home().resolve("tools/grid/pom.xml");
        Path file = Project.buildDir().resolve("grid.classpath");
        if (Files.isRegularFile(file) && Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(pom)) > 0) {
            return file;
        }
        Files.createDirectories(file.getParent());
        Path output = Files.createTempFile(file.getParent(), "grid-classpath-", ".log");
        Process mvn = new ProcessBuilder("mvn", "-q", "-B", "-f", pom.toString(), "dependency:build-classpath",
                "-Dmdep.outputFile=" + file).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean done = mvn.waitFor(5, TimeUnit.MINUTES);
        if (!done) {
            mvn.descendants().forEach(ProcessHandle::destroyForcibly);
            mvn.destroyForcibly();
        }
        if (!done || mvn.exitValue() != 0 || !Files.isRegularFile(file)) {
            throw new AssertionError("cannot build the Selenium Grid classpath from " + pom + ":\n" + Files.readString(output));
        }
        Files.deleteIfExists(output);
        return file;
    }
}
