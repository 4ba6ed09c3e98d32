package io.permlab.device.miniprogram;

import io.permlab.exercise.Ceilings;

import java.nio.file.Path;
import java.util.List;

/**
 * How mini-program sessions are started: the Node binary, the runtime script (src/main/node/mp-runtime/main.js), the
 * node_modules folders holding miniprogram-simulate, jsdom and npm packages the program uses, the mini-program's
 * source folder, where sessions stage their copy, how long one command may take, where the phone "is", and the
 * request fixtures (URL pattern to answer).
 */
public record MiniProgramConfig(String node, Path script, List<Path> nodeModules, Path source, Path scratch,
                                long commandTimeoutMillis, Position precise, Position approximate, List<Fixture> fixtures,
                                Ceilings ceilings) {
    public MiniProgramConfig {
        nodeModules = List.copyOf(nodeModules);
        fixtures = fixtures == null ? List.of() : List.copyOf(fixtures);
        ceilings = ceilings == null ? Ceilings.DEFAULTS : ceilings;
    }

    /** A position wx.getLocation answers, with its accuracy in metres. */
    /**
     * The runtime's JavaScript heap ceiling (node --max-old-space-size): a program that allocates without end stops there,
     * its run inconclusive, instead of taking the machine's memory from the other runs of a batch.
     */
    public static final int HEAP_MB = 512;

    public record Position(double latitude, double longitude, double accuracy) {
    }

    /** A canned answer for wx.request/uploadFile calls whose URL matches the regular expression {@code urlPattern}. */
    public record Fixture(String urlPattern, String method, int status, String jsonBody) {
    }

    /** The project's own runtime and node_modules under PermLab's home; Shanghai as in devices/local-chromium.json. */
    public static MiniProgramConfig standard(Path home, Path source, Path scratch) {
        return new MiniProgramConfig("node", home.resolve("src/main/node/mp-runtime/main.js"), List.of(home.resolve("node_modules")),
                source, scratch, 20_000, new Position(31.230416, 121.473701, 10), new Position(31.23, 121.47, 2000), List.of(), null);
    }

    public MiniProgramConfig withSource(Path newSource, Path newScratch) {
        return new MiniProgramConfig(node, script, nodeModules, newSource, newScratch, commandTimeoutMillis, precise, approximate,
                fixtures, ceilings);
    }
}
