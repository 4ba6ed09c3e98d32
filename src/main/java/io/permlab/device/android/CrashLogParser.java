package io.permlab.device.android;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an app's crashes and ANRs from {@code logcat -d -v threadtime} output (docs/android-evidence.md):
 * <ul>
 *   <li>a crash is the block AOSP's {@code RuntimeInit} uncaught-exception handler logs under the tag
 *   {@code AndroidRuntime} in the crash buffer: {@code FATAL EXCEPTION: <thread>}, {@code Process: <name>, PID: <pid>},
 *   then the exception and its stack, each line with the crashing process's pid;</li>
 *   <li>an ANR is the one multi-line message the activity manager logs under {@code ActivityManager} in the system
 *   buffer: {@code ANR in <process> (<component>)}, {@code PID: <pid>}, {@code Reason: ...}, then CPU load, all with
 *   system_server's pid and one timestamp.</li>
 * </ul>
 * Only blocks of {@code pkg}'s processes ({@code pkg} or {@code pkg:<name>}) are returned. A line that is not a
 * threadtime line nor one of logcat's {@code --------- beginning of <buffer>} separators is an error naming the line.
 */
public final class CrashLogParser {
    /** {@code MM-DD HH:MM:SS.mmm  PID  TID L TAG: message} (AOSP liblog logprint.c, FORMAT_THREADTIME). */
    private static final Pattern LINE = Pattern.compile("^(\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3})\\s+(\\d+)\\s+(\\d+) ([VDIWEFA]) (.*?)\\s*: ?(.*)$");
    private static final Pattern PROCESS = Pattern.compile("^Process: (\\S+), PID: (\\d+)$");
    private static final Pattern ANR = Pattern.compile("^ANR in (\\S+)(?: \\(.*\\))?$");
    private static final Pattern ANR_PID = Pattern.compile("^PID: (\\d+)$");

    private record Line(String time, int pid, int tid, String tag, String message) {
    }

    /** The crashes and ANRs of {@code pkg} in {@code output}, in the order they were logged; {@code source} names the command. */
    public List<AppCrash> parse(String output, String pkg, String source) {
        List<Line> lines = lines(output, source);
        List<AppCrash> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            if (l.tag().equals("AndroidRuntime") && l.message().startsWith("FATAL EXCEPTION: ")) {
                int end = i + 1;
                while (end < lines.size() && lines.get(end).pid() == l.pid() && lines.get(end).tag().equals("AndroidRuntime")
                        && !lines.get(end).message().startsWith("FATAL EXCEPTION: ")) {
                    end++;
                }
                crash(lines.subList(i, end), pkg).ifPresent(out::add);
                i = end - 1;
            } else if (l.tag().equals("ActivityManager") && ANR.matcher(l.message()).matches()) {
                int end = i + 1;
                while (end < lines.size() && sameEntry(lines.get(end), l)) {
                    end++;
                }
                anr(lines.subList(i, end), pkg).ifPresent(out::add);
                i = end - 1;
            }
        }
        return out;
    }

    private static java.util.Optional<AppCrash> crash(List<Line> block, String pkg) {
        String process = null;
        Integer pid = block.get(0).pid();
        String summary = "";
        for (int j = 1; j < block.size(); j++) {
            Matcher m = PROCESS.matcher(block.get(j).message());
            if (m.matches()) {
                process = m.group(1);
                pid = Integer.valueOf(m.group(2));
                summary = j + 1 < block.size() ? block.get(j + 1).message().trim() : "";
                break;
            }
        }
        if (process == null || !ours(process, pkg)) {
            return java.util.Optional.empty(); // before Android 5 the block names no process: it cannot be told whose it was
        }
        return java.util.Optional.of(new AppCrash(AppCrash.Kind.CRASH, block.get(0).time(), pid, process, summary, messages(block)));
    }

    private static java.util.Optional<AppCrash> anr(List<Line> block, String pkg) {
        Matcher m = ANR.matcher(block.get(0).message());
        if (!m.matches() || !ours(m.group(1), pkg)) {
            return java.util.Optional.empty();
        }
        Integer pid = null;
        String summary = "";
        for (Line l : block) {
            Matcher p = ANR_PID.matcher(l.message());
            if (pid == null && p.matches()) {
                pid = Integer.valueOf(p.group(1));
            }
            if (summary.isEmpty() && l.message().startsWith("Reason: ")) {
                summary = l.message().substring("Reason: ".length()).trim();
            }
        }
        return java.util.Optional.of(new AppCrash(AppCrash.Kind.ANR, block.get(0).time(), pid, m.group(1), summary, messages(block)));
    }

    /** One multi-line log message: logcat repeats the same header (time, pid, tid, tag) on each of its lines. */
    private static boolean sameEntry(Line a, Line b) {
        return a.pid() == b.pid() && a.tid() == b.tid() && a.tag().equals(b.tag()) && a.time().equals(b.time());
    }

    private static boolean ours(String process, String pkg) {
        return process.equals(pkg) || process.startsWith(pkg + ":");
    }

    private static List<String> messages(List<Line> block) {
        return block.stream().map(l -> l.tag() + ": " + l.message()).toList();
    }

    private static List<Line> lines(String output, String source) {
        List<Line> out = new ArrayList<>();
        String[] raw = output.split("\r?\n", -1);
        for (int n = 0; n < raw.length; n++) {
            String s = raw[n];
            if (s.isBlank() || s.startsWith("--------- ")) {
                continue;
            }
            Matcher m = LINE.matcher(s);
            if (!m.matches()) {
                throw new DeviceOutputException(source, n + 1, "not a 'logcat -v threadtime' line: " + abbreviate(s));
            }
            out.add(new Line(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), m.group(5).trim(), m.group(6)));
        }
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
