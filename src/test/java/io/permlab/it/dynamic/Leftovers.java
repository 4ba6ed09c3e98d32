package io.permlab.it.dynamic;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Browser, driver and Appium processes a run leaves behind. PermLab gives every browser a profile folder under the
 * run's output folder, so a Chromium (even one orphaned by a dead driver) names that folder on its command line;
 * drivers and a started Appium server are children of the process that started them.
 */
final class Leftovers {
    /** Executables of browsers, drivers and the Appium server (a node process). */
    private static final List<String> TOOLS = List.of("chrom", "node");

    private Leftovers() {
    }

    /** Live processes naming {@code fragment} on their command line, plus browser/driver/Appium processes below {@code parent}. */
    static List<ProcessHandle> find(String fragment, ProcessHandle parent) {
        Predicate<ProcessHandle> names = p -> commandLine(p).contains(fragment);
        Predicate<ProcessHandle> tool = p -> TOOLS.stream().anyMatch(executable(p)::contains);
        return Stream.concat(ProcessHandle.allProcesses().filter(names), parent.descendants().filter(tool))
                .filter(ProcessHandle::isAlive).filter(p -> p.pid() != ProcessHandle.current().pid()).distinct().toList();
    }

    /** Waits until none is left (quitting a browser takes a moment); returns the command lines still alive after {@code timeout}. */
    static List<String> awaitNone(String fragment, ProcessHandle parent, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ProcessHandle> left = find(fragment, parent);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            left = find(fragment, parent);
        }
        return left.stream().map(Leftovers::describe).toList();
    }

    /** Cleanup after a failed test: ends exactly those processes, by id. */
    static void kill(String fragment, ProcessHandle parent) {
        find(fragment, parent).forEach(ProcessHandle::destroyForcibly);
    }

    static String describe(ProcessHandle p) {
        String cmd = commandLine(p);
        return p.pid() + " " + (cmd.length() > 200 ? cmd.substring(0, 200) + "..." : cmd);
    }

    private static String executable(ProcessHandle p) {
        String cmd = p.info().command().orElse("");
        return cmd.substring(cmd.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    }

    private static String commandLine(ProcessHandle p) {
        ProcessHandle.Info info = p.info();
        return info.commandLine().orElse(info.command().orElse(""));
    }
}
