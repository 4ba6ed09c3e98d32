package io.permlab.device.uiautomator;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What PermLab answered on WeChat's authorization sheets, per device, WeChat and mini-program. WeChat keeps a user's
 * answer to a scope for as long as the program stays in the account (deleting the program by hand is the only reset;
 * PermLab cannot do it, and must never clear WeChat's data — that logs the account out). A run that needs a sheet
 * WeChat will no longer show is therefore inconclusive, and this memory is how PermLab knows. Kept in a JSON file when
 * given one (survives PermLab invocations, as WeChat's memory does); {@link #forget} is for after the program was
 * deleted by hand (docs/android-devices.md, "Mini-programs inside WeChat").
 */
public final class WeChatAnswerMemory {
    /** One remembered answer: the scope, the permission id it counts as, "allow" or "deny", the run and when. */
    public record Answer(String scope, String permission, String answer, String runId, Instant at) {
    }

    /** Where 'permlab run' keeps it, under PermLab's folder: it describes the phones, not one report. */
    public static final String STATE_FILE = "state/wechat-answers.json";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();
    private final Path file;
    private final Map<String, List<StoredAnswer>> programs;

    private WeChatAnswerMemory(Path file, Map<String, List<StoredAnswer>> programs) {
        this.file = file;
        this.programs = programs;
    }

    /** A memory for this PermLab invocation only (tests, or when no state file is configured). */
    public static WeChatAnswerMemory inMemory() {
        return new WeChatAnswerMemory(null, new LinkedHashMap<>());
    }

    /** The memory kept in {@code file}, read now when it exists; a file that is not this memory's JSON is an error. */
    public static WeChatAnswerMemory at(Path file) {
        if (!Files.exists(file)) {
            return new WeChatAnswerMemory(file, new LinkedHashMap<>());
        }
        try {
            Map<String, List<StoredAnswer>> read = GSON.fromJson(Files.readString(file),
                    new TypeToken<LinkedHashMap<String, List<StoredAnswer>>>() { }.getType());
            return new WeChatAnswerMemory(file, read == null ? new LinkedHashMap<>() : read);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the WeChat answer memory " + file, e);
        } catch (JsonParseException e) {
            throw new IllegalStateException(file + " is not PermLab's WeChat answer memory: " + e.getMessage(), e);
        }
    }

    /** "R5CT20…|com.tencent.mm|wx0123456789abcdef": one program in one WeChat on one device. */
    public static String programKey(String serial, String wechatPackage, String program) {
        return serial + "|" + wechatPackage + "|" + program;
    }

    /** Every program with a remembered answer, as its key, in the order first answered. */
    public synchronized List<String> programKeys() {
        return List.copyOf(programs.keySet());
    }

    public synchronized List<Answer> answers(String programKey) {
        return programs.getOrDefault(programKey, List.of()).stream().map(StoredAnswer::toAnswer).toList();
    }

    public synchronized Optional<Answer> answered(String programKey, String scope) {
        return answers(programKey).stream().filter(a -> a.scope().equals(scope)).findFirst();
    }

    /** The earlier answers that stand for {@code permission} (every location scope for "geolocation"). */
    public synchronized List<Answer> answeredFor(String programKey, String permission) {
        return answers(programKey).stream().filter(a -> a.permission().equals(permission)).toList();
    }

    /** Records an answer WeChat will now remember (the first one stands: WeChat never asks again). */
    public synchronized void remember(String programKey, Answer answer) {
        List<StoredAnswer> list = programs.computeIfAbsent(programKey, k -> new ArrayList<>());
        if (list.stream().noneMatch(a -> a.scope.equals(answer.scope()))) {
            list.add(StoredAnswer.of(answer));
            save();
        }
    }

    /** After the program was deleted from WeChat by hand: its sheets will show again. */
    public synchronized void forget(String programKey) {
        if (programs.remove(programKey) != null) {
            save();
        }
    }

    private void save() {
        if (file == null) {
            return;
        }
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, GSON.toJson(programs));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the WeChat answer memory " + file, e);
        }
    }

    /** The file's shape: plain fields, the instant as ISO-8601 text. */
    private static final class StoredAnswer {
        String scope;
        String permission;
        String answer;
        String runId;
        String at;

        static StoredAnswer of(Answer a) {
            StoredAnswer s = new StoredAnswer();
            s.scope = a.scope();
            s.permission = a.permission();
            s.answer = a.answer();
            s.runId = a.runId();
            s.at = a.at().toString();
            return s;
        }

        Answer toAnswer() {
            return new Answer(scope, permission, answer, runId, Instant.parse(at));
        }
    }
}
