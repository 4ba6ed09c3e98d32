package io.permlab.cli;

import io.permlab.device.uiautomator.WeChatAnswerMemory;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code permlab devices --wechat-answers} and {@code --forget-wechat PROGRAM} do with the record of what WeChat
 * remembers (docs/android-devices.md, "What WeChat remembers"): list it, and forget one program after it was deleted
 * from WeChat by hand, so that its refused runs can be judged again. A program is named by its key
 * ({@code serial|package|program}) or by its AppID/scheme alone when one device holds it; nothing else is touched.
 */
final class WeChatMemoryCommand {
    /** The lines to print and the exit code. */
    record Outcome(int exit, List<String> lines) {
    }

    private WeChatMemoryCommand() {
    }

    static Outcome list(Path file) {
        WeChatAnswerMemory memory;
        try {
            memory = WeChatAnswerMemory.at(file);
        } catch (IllegalStateException | UncheckedIOException e) {
            return unreadable(file, e);
        }
        List<String> lines = new ArrayList<>();
        for (String key : memory.programKeys()) {
            lines.add(key);
            for (WeChatAnswerMemory.Answer a : memory.answers(key)) {
                lines.add("  " + a.scope() + " " + a.answer() + " (run " + a.runId() + ", " + a.at() + ")");
            }
        }
        if (lines.isEmpty()) {
            lines.add("nothing remembered (" + file + ")");
        }
        return new Outcome(ExitCode.CLEAN.code(), lines);
    }

    static Outcome forget(Path file, String program) {
        WeChatAnswerMemory memory;
        try {
            memory = WeChatAnswerMemory.at(file);
        } catch (IllegalStateException | UncheckedIOException e) {
            return unreadable(file, e);
        }
        List<String> keys = memory.programKeys();
        List<String> matching = keys.contains(program) ? List.of(program)
                : keys.stream().filter(k -> k.endsWith("|" + program)).toList();
        if (matching.isEmpty()) {
            List<String> lines = new ArrayList<>(List.of("no program '" + program + "' in " + file + "; remembered:"));
            keys.forEach(k -> lines.add("  " + k));
            return new Outcome(ExitCode.USAGE_ERROR.code(), lines);
        }
        if (matching.size() > 1) {
            List<String> lines = new ArrayList<>(List.of(matching.size() + " programs match '" + program
                    + "' (one per device): name the one deleted by its full key"));
            matching.forEach(k -> lines.add("  " + k));
            return new Outcome(ExitCode.USAGE_ERROR.code(), lines);
        }
        memory.forget(matching.get(0));
        return new Outcome(ExitCode.CLEAN.code(), List.of("forgot " + matching.get(0) + " — right only if the program was deleted "
                + "from WeChat by hand on that phone; otherwise WeChat still remembers and its next refused run will not see a sheet"));
    }

    private static Outcome unreadable(Path file, RuntimeException e) {
        return new Outcome(ExitCode.USAGE_ERROR.code(), List.of("cannot use " + file + ": " + e.getMessage() + " (left as it is)"));
    }
}
