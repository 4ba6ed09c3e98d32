package io.permlab.exercise.flow;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.permlab.exercise.Ceilings;
import io.permlab.model.TargetText;
import io.permlab.model.flow.Action;
import io.permlab.model.flow.DialogAnswer;
import io.permlab.model.flow.Flow;
import io.permlab.model.flow.Locator;
import io.permlab.model.flow.LocatorKind;
import io.permlab.model.flow.Refusal;
import io.permlab.model.flow.Step;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads {@code <function>.flow.json}. Each step is an object whose action is its key:
 * <pre>{"tap": {"text": "新增收货地址"}, "start": true}   {"type": {"css": "#phone"}, "text": "13812345678"}
 * {"dialog": "accept"}   {"dialog": "dismiss"}   {"dialog": "accept", "text": "张三"}</pre>
 * Strict on purpose: an unknown key is a typo that would otherwise silently skip a step, so it is an error that names
 * the file, line, column and field. Keys starting with "_" are comments.
 */
public final class FlowParser {
    static final long DEFAULT_TIMEOUT_MS = 10_000;
    private static final List<String> STEP_OPTIONS = List.of("text", "option", "timeoutMs", "start", "note", "refuse");
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final Path file;
    private final Function<String, String> openProblem;
    private final long stepCeilingMillis;
    private JsonParser p;

    private FlowParser(Path file, Function<String, String> openProblem, long stepCeilingMillis) {
        this.file = file;
        this.openProblem = openProblem;
        this.stepCeilingMillis = stepCeilingMillis;
    }

    public static Flow parse(Path file) throws FlowException {
        return parse(file, url -> null, Ceilings.DEFAULTS.stepMillis());
    }

    /** Parses; a wait or timeout longer than {@code stepCeilingMillis} is an error, as no step may take longer. */
    public static Flow parse(Path file, long stepCeilingMillis) throws FlowException {
        return parse(file, url -> null, stepCeilingMillis);
    }

    /** Parses with the default step ceiling, checking {@code open} URLs with {@code openProblem}. */
    public static Flow parse(Path file, Function<String, String> openProblem) throws FlowException {
        return parse(file, openProblem, Ceilings.DEFAULTS.stepMillis());
    }

    /**
     * Parses a flow whose {@code open} URLs are checked by {@code openProblem} (the reason a URL may not be opened, or
     * null; a refused URL is an error at its own line and column) and whose waits and timeouts may not exceed
     * {@code stepCeilingMillis}.
     */
    public static Flow parse(Path file, Function<String, String> openProblem, long stepCeilingMillis) throws FlowException {
        return new FlowParser(file, openProblem, stepCeilingMillis).read();
    }

    private Flow read() throws FlowException {
        try (Reader r = Files.newBufferedReader(file); JsonParser parser = JSON.createParser(r)) {
            p = parser;
            return flow();
        } catch (NoSuchFileException e) {
            throw new FlowException(file, 0, 0, null, "no such flow file");
        } catch (JsonParseException e) {
            JsonLocation at = e.getLocation();
            throw new FlowException(file, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), null,
                    "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new FlowException(file, 0, 0, null, "cannot read: " + e.getMessage());
        }
    }

    private Flow flow() throws IOException, FlowException {
        expect(p.nextToken(), JsonToken.START_OBJECT, "", "a flow is a JSON object");
        String function = null;
        String name = null;
        List<Step> steps = null;
        JsonLocation stepsAt = here();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonLocation keyAt = here();
            JsonToken value = p.nextToken();
            switch (key) {
                case "function" -> function = string(value, "function");
                case "name" -> name = string(value, "name");
                case "steps" -> {
                    stepsAt = here();
                    steps = steps(value);
                }
                default -> skipOrFail(key, keyAt, "", "function, name, steps");
            }
        }
        if (function == null || function.isBlank()) {
            throw error(here(), "function", "is required: the id of the function this flow exercises");
        }
        if (steps == null || steps.isEmpty()) {
            throw error(stepsAt, "steps", "a flow needs steps");
        }
        if (steps.stream().noneMatch(s -> s.action() == Action.CHECKPOINT)) {
            throw error(stepsAt, "steps", "no checkpoint step: without one, PermLab cannot tell whether the function worked");
        }
        return new Flow(file.toString(), function, name == null ? function : name, steps);
    }

    private List<Step> steps(JsonToken start) throws IOException, FlowException {
        expect(start, JsonToken.START_ARRAY, "steps", "must be an array of steps");
        List<Step> steps = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            steps.add(step(steps.size()));
        }
        return steps;
    }

    private Step step(int index) throws IOException, FlowException {
        String field = "steps[" + index + "]";
        JsonLocation at = here();
        expect(p.currentToken(), JsonToken.START_OBJECT, field, "a step is an object such as {\"tap\": {\"css\": \"#save\"}}");
        Action action = null;
        Locator locator = null;
        String value = null;
        Long timeout = null;
        boolean start = false;
        String note = null;
        String text = null;
        JsonLocation textAt = null;
        String option = null;
        Boolean accept = null;
        List<Refusal> refuse = List.of();
        JsonLocation refuseAt = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonLocation keyAt = here();
            JsonToken token = p.nextToken();
            Action a = Action.fromId(key);
            if (a != null) {
                if (action != null) {
                    throw error(here(), field + "." + key, "a step has one action, and this one already is '" + action.id() + "'");
                }
                action = a;
                String f = field + "." + key;
                switch (a) {
                    case OPEN -> {
                        value = string(token, f);
                        String refused = openProblem.apply(value);
                        if (refused != null) {
                            throw error(here(), f, refused);
                        }
                    }
                    case BACK -> expectTrue(token, f);
                    case WAIT -> {
                        if (token == JsonToken.VALUE_NUMBER_INT) {
                            timeout = positive(token, f);
                        } else {
                            locator = locator(token, f);
                        }
                    }
                    case SCROLL -> locator = token == JsonToken.VALUE_NULL ? null : locator(token, f);
                    case DIALOG -> accept = answer(token, f);
                    default -> locator = locator(token, f);
                }
            } else if (STEP_OPTIONS.contains(key)) {
                String f = field + "." + key;
                switch (key) {
                    case "text" -> {
                        textAt = keyAt;
                        text = string(token, f);
                    }
                    case "option" -> option = string(token, f);
                    case "timeoutMs" -> timeout = positive(token, f);
                    case "start" -> start = bool(token, f);
                    case "refuse" -> {
                        refuseAt = keyAt;
                        refuse = refusal(token, f);
                    }
                    default -> note = string(token, f);
                }
            } else {
                skipOrFail(key, keyAt, field, "one action (" + Arrays.stream(Action.values()).map(Action::id)
                        .collect(Collectors.joining(", ")) + ") and options " + String.join(", ", STEP_OPTIONS));
            }
        }
        if (action == null) {
            throw error(at, field, "no action: add one of " + Arrays.stream(Action.values()).map(Action::id).collect(Collectors.joining(", ")));
        }
        if (action == Action.TYPE) {
            if (text == null) {
                throw error(at, field + ".text", "'type' needs the text to type");
            }
            value = text;
        } else if (action == Action.SELECT) {
            if (option == null) {
                throw error(at, field + ".option", "'select' needs the option to choose");
            }
            value = option;
        }
        if (refuseAt != null && action != Action.CONSENT) {
            throw error(refuseAt, field + ".refuse", "only a consent step says how to decline the privacy policy");
        } else if (action == Action.WAIT && locator == null && timeout == null) {
            throw error(at, field + ".wait", "wait for an element ({\"css\": ...}) or a number of milliseconds");
        }
        DialogAnswer dialog = null;
        if (action == Action.DIALOG) {
            dialog = dialogAnswer(accept, text, textAt, field);
        }
        // An open step without its own timeout waits as long as the device profile says a page may take (0 here).
        long t = timeout != null ? timeout : action == Action.OPEN ? 0 : DEFAULT_TIMEOUT_MS;
        return new Step(index, action, locator, value, t, start, note, at.getLineNr(), at.getColumnNr(), refuse, dialog);
    }

    /** "accept" or "dismiss": whether a dialog answer accepts. */
    private boolean answer(JsonToken token, String field) throws IOException, FlowException {
        String s = string(token, field);
        if (!s.equals("accept") && !s.equals("dismiss")) {
            throw error(here(), field, "must be \"accept\" or \"dismiss\"");
        }
        return s.equals("accept");
    }

    /** A dialog answer; text is typed into a prompt, so only an answer that accepts takes it. */
    private DialogAnswer dialogAnswer(boolean accept, String text, JsonLocation textAt, String field) throws FlowException {
        if (text != null && !accept) {
            throw error(textAt, field + ".text", "only an accepted prompt takes text (\"dialog\": \"accept\")");
        }
        return new DialogAnswer(accept, text);
    }

    /**
     * What declines the policy: one control, or several steps in order (不同意, then 仍不同意), each a locator to tap or
     * the answer to the dialog the page opened ({"dialog": "accept"}).
     */
    private List<Refusal> refusal(JsonToken token, String field) throws IOException, FlowException {
        if (token != JsonToken.START_ARRAY) {
            return List.of(refusalEntry(token, field));
        }
        List<Refusal> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            out.add(refusalEntry(p.currentToken(), field + "[" + out.size() + "]"));
        }
        if (out.isEmpty()) {
            throw error(here(), field, "names no control: give the locator of the button that declines the policy");
        }
        return out;
    }

    /**
     * One entry of a refuse list: a locator, or {"dialog": "accept"|"dismiss"} with an accepted prompt's "text". In a
     * locator "text" finds an element by its words; beside "dialog" it is what is typed into the prompt.
     */
    private Refusal refusalEntry(JsonToken token, String field) throws IOException, FlowException {
        if (token != JsonToken.START_OBJECT || p.nextToken() != JsonToken.FIELD_NAME || !"dialog".equals(p.currentName())) {
            return Refusal.tap(locator(token, field, true));
        }
        boolean accept = answer(p.nextToken(), field + ".dialog");
        String text = null;
        JsonLocation textAt = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonLocation keyAt = here();
            JsonToken v = p.nextToken();
            if (key.equals("text")) {
                textAt = keyAt;
                text = string(v, field + ".text");
            } else if (LocatorKind.fromId(key) != null) {
                throw error(keyAt, field + "." + key, "a dialog answer has no locator: give the tap and the dialog answer as two entries");
            } else {
                skipOrFail(key, keyAt, field, "dialog, text");
            }
        }
        return Refusal.answer(dialogAnswer(accept, text, textAt, field));
    }

    private Locator locator(JsonToken token, String field) throws IOException, FlowException {
        return locator(token, field, false);
    }

    /** A locator object; {@code entered}: its first field name is already the current token (a refuse entry looked at it). */
    private Locator locator(JsonToken token, String field, boolean entered) throws IOException, FlowException {
        JsonLocation at = entered ? p.currentTokenLocation() : here();
        String kinds = Arrays.stream(LocatorKind.values()).map(LocatorKind::id).collect(Collectors.joining(", "));
        expect(token, JsonToken.START_OBJECT, field, "a locator is an object with one of " + kinds);
        Locator found = null;
        while ((entered ? p.currentToken() : p.nextToken()) == JsonToken.FIELD_NAME) {
            entered = false;
            String key = p.currentName();
            JsonLocation keyAt = here();
            JsonToken v = p.nextToken();
            LocatorKind kind = LocatorKind.fromId(key);
            if (kind == null) {
                skipOrFail(key, keyAt, field, kinds);
                continue;
            }
            if (found != null) {
                throw error(here(), field + "." + key, "a locator has one way to find the element, and this one already uses " + found.kind().id());
            }
            String s = string(v, field + "." + key);
            if (s.isBlank()) {
                throw error(here(), field + "." + key, "must not be empty");
            }
            found = new Locator(kind, s);
        }
        if (found == null) {
            throw error(at, field, "empty locator: use one of " + kinds);
        }
        return found;
    }

    private void skipOrFail(String key, JsonLocation keyAt, String field, String allowed) throws IOException, FlowException {
        if (key.startsWith("_")) {
            p.skipChildren();
            return;
        }
        throw error(keyAt, field.isEmpty() ? key : field + "." + key, "unknown key (expected " + allowed + ")");
    }

    private String string(JsonToken token, String field) throws IOException, FlowException {
        if (token != JsonToken.VALUE_STRING) {
            throw error(here(), field, "must be a string");
        }
        return TargetText.clean(p.getText());
    }

    private boolean bool(JsonToken token, String field) throws FlowException {
        if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
            throw error(here(), field, "must be true or false");
        }
        return token == JsonToken.VALUE_TRUE;
    }

    private void expectTrue(JsonToken token, String field) throws FlowException {
        if (token != JsonToken.VALUE_TRUE) {
            throw error(here(), field, "must be true");
        }
    }

    /** A wait or timeout in milliseconds: positive, and within the step ceiling. */
    private long positive(JsonToken token, String field) throws IOException, FlowException {
        if (token != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.BIG_INTEGER && p.getLongValue() <= 0) {
            throw error(here(), field, "must be a positive number of milliseconds");
        }
        if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER || p.getLongValue() > stepCeilingMillis) {
            throw error(here(), field, p.getText() + " ms is more than the step ceiling of " + stepCeilingMillis
                    + " ms (the device profile's ceilings.stepMs)");
        }
        return p.getLongValue();
    }

    private void expect(JsonToken actual, JsonToken wanted, String field, String problem) throws FlowException {
        if (actual != wanted) {
            throw error(here(), field, problem);
        }
    }

    private JsonLocation here() {
        return p.currentTokenLocation();
    }

    private FlowException error(JsonLocation at, String field, String problem) {
        return new FlowException(file, at.getLineNr(), at.getColumnNr(), field, problem);
    }
}
