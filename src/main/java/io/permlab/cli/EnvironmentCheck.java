package io.permlab.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The individual checks behind 'permlab doctor'; each says what it found and, when not OK, how to fix it. */
final class EnvironmentCheck {
    enum Status {
        OK("ok"), WARN("warn"), MISSING("MISSING");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    record Result(String name, Status status, String detail, String fix, boolean required) {
    }

    private EnvironmentCheck() {
    }

    static List<Result> all(Path home) {
        List<Result> out = new ArrayList<>();
        out.add(java());
        out.add(apktool());
        Result chromium = versionOf("chromium", List.of("chromium", "--version"), "sudo apt-get install -y chromium", false);
        Result driver = versionOf("chromedriver", List.of("chromedriver", "--version"), "sudo apt-get install -y chromium-driver", false);
        out.add(chromium);
        out.add(driver);
        out.add(sameMajor(chromium, driver));
        out.add(versionOf("aapt", List.of("aapt", "version"), "sudo apt-get install -y aapt (used by tests as an independent manifest reader)", false));
        Result adb = versionOf("adb", List.of("adb", "version"), "sudo apt-get install -y adb", false);
        out.add(adb);
        if (adb.status() == Status.OK) {
            out.addAll(AndroidChecks.devices(io.permlab.device.adb.Adb.locate()));
        }
        Result node = versionOf("node", List.of("node", "--version"), "install Node.js 20 (Debian: sudo apt-get install -y nodejs npm)", false);
        out.add(node);
        out.add(miniProgramRuntime(home, node));
        out.add(appium(home));
        out.addAll(AndroidChecks.toolchain(home, System.getenv()));
        return out;
    }

    private static Result java() {
        Runtime.Version v = Runtime.version();
        return v.feature() >= 17
                ? new Result("java", Status.OK, "Java " + v, null, true)
                : new Result("java", Status.MISSING, "Java " + v + " is older than 17", "install a Java 17+ JDK", true);
    }

    private static Result apktool() {
        try {
            Class.forName("brut.androlib.res.decoder.BinaryXmlResourceParser");
            Class.forName("com.android.tools.smali.dexlib2.dexbacked.DexBackedDexFile");
            return new Result("apktool + dexlib2", Status.OK, "bundled (apktool-cli 3.0.3, in-process)", null, true);
        } catch (ClassNotFoundException e) {
            return new Result("apktool + dexlib2", Status.MISSING, "not on the classpath", "rebuild: mvn -q -DskipTests package", true);
        }
    }

    private static Result versionOf(String name, List<String> command, String fix, boolean required) {
        Output o = run(command);
        if (o == null) {
            return new Result(name, required ? Status.MISSING : Status.WARN, "not found on PATH", fix, required);
        }
        return new Result(name, Status.OK, o.firstLine(), null, required);
    }

    private static Result sameMajor(Result chromium, Result driver) {
        if (chromium.status() != Status.OK || driver.status() != Status.OK) {
            return new Result("chromium/driver match", Status.WARN, "cannot compare: one of them is missing",
                    "sudo apt-get install -y chromium chromium-driver", false);
        }
        String a = major(chromium.detail());
        String b = major(driver.detail());
        return a != null && a.equals(b)
                ? new Result("chromium/driver match", Status.OK, "both major version " + a, null, false)
                : new Result("chromium/driver match", Status.WARN, "Chromium " + a + " vs ChromeDriver " + b,
                "install both from the same Debian release: sudo apt-get install -y chromium chromium-driver", false);
    }

    private static String major(String versionLine) {
        Matcher m = Pattern.compile("(\\d+)\\.\\d+\\.\\d+").matcher(versionLine);
        return m.find() ? m.group(1) : null;
    }

    /**
     * The mini-program runtime: node resolves miniprogram-simulate (with jsdom) from PermLab's node_modules, and the
     * WXML compiler's Linux wcc that miniprogram-compiler ships is there and executable.
     */
    static Result miniProgramRuntime(Path home, Result node) {
        String name = "mini-program runtime";
        String fix = "cd " + home + " && npm ci (installs miniprogram-simulate, miniprogram-compiler and jsdom)";
        if (node.status() != Status.OK) {
            return new Result(name, Status.WARN, "needs node", "install Node.js 20 first", false);
        }
        Path modules = home.resolve("node_modules").toAbsolutePath();
        String script = "const p={paths:[process.argv[1]]};require.resolve('miniprogram-simulate',p);require.resolve('jsdom',p);"
                + "console.log(require('path').dirname(require.resolve('miniprogram-compiler/package.json',p)))";
        Output o = run(List.of("node", "-e", script, modules.toString()));
        if (o == null) {
            return new Result(name, Status.WARN, "node cannot resolve miniprogram-simulate, jsdom or miniprogram-compiler from " + modules, fix, false);
        }
        Path wcc = Path.of(o.text().trim()).resolve("bin/linux/wcc");
        if (!Files.isRegularFile(wcc) || !Files.isExecutable(wcc)) {
            return new Result(name, Status.WARN, "WXML compiler not executable: " + wcc, "chmod +x " + wcc + ", or " + fix, false);
        }
        return new Result(name, Status.OK, "miniprogram-simulate, jsdom and wcc (" + wcc + ")", null, false);
    }

    private static Result appium(Path home) {
        Path pkg = home.resolve("node_modules/appium/package.json");
        if (!Files.isRegularFile(pkg)) {
            return new Result("appium", Status.WARN, "not installed in " + home.resolve("node_modules"),
                    "cd " + home + " && npm ci (installs the pinned appium and its Chromium driver)", false);
        }
        try {
            Matcher m = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"").matcher(Files.readString(pkg));
            return new Result("appium", Status.OK, "appium " + (m.find() ? m.group(1) : "?") + " in node_modules", null, false);
        } catch (IOException e) {
            return new Result("appium", Status.WARN, "unreadable " + pkg, "cd " + home + " && npm ci", false);
        }
    }

    private record Output(String text) {
        /** The line that carries a version number (Debian's chromium wrapper prints shell noise first). */
        String firstLine() {
            return text.lines().filter(l -> l.matches(".*\\d+\\.\\d+.*") && !l.contains(": [:")).findFirst()
                    .or(() -> text.lines().filter(l -> !l.isBlank()).findFirst()).orElse("").trim();
        }
    }

    private static Output run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] bytes = p.getInputStream().readNBytes(64 * 1024);
            if (!p.waitFor(15, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? new Output(new String(bytes, StandardCharsets.UTF_8)) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
