package io.permlab.exercise.flow;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.permlab.exercise.Ceilings;
import io.permlab.model.TargetText;
import io.permlab.model.flow.Action;
import io.permlab.model.flow.Flow;
import io.permlab.model.flow.Locator;
import io.permlab.model.flow.LocatorKind;
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
 * <pre>{"tap": {"text": "新增收货地址"}, "start": true}   {"type": {"css": "#phone"}, "text": "13812345678"}</pre>
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
        String option = null;
        List<Locator> refuse = List.of();
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
                    default -> locator = locator(token, f);
                }
            } else if (STEP_OPTIONS.contains(key)) {
                String f = field + "." + key;
                switch (key) {
                    case "text" -> text = string(token, f);
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
        } else if (refuseAt != null && action != Action.CONSENT) {
            throw error(refuseAt, field + ".refuse", "only a consent step says how to decline the privacy policy");
        } else if (action == Action.WAIT && locator == null && timeout == null) {
            throw error(at, field + ".wait", "wait for an element ({\"css\": ...}) or a number of milliseconds");
        }
        // An open step without its own timeout waits as long as the device profile says a page may take (0 here).
        long t = timeout != null ? timeout : action == Action.OPEN ? 0 : DEFAULT_TIMEOUT_MS;
        return new Step(index, action, locator, value, t, start, note, at.getLineNr(), at.getColumnNr(), refuse);
    }

    /** The controls that decline the policy: one locator, or several tapped in order (不同意, then 仍不同意). */
    private List<Locator> refusal(JsonToken token, String field) throws IOException, FlowException {
        if (token != JsonToken.START_ARRAY) {
            return List.of(locator(token, field));
        }
        List<Locator> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            out.add(locator(p.currentToken(), field + "[" + out.size() + "]"));
        }
        if (out.isEmpty()) {
            throw error(here(), field, "names no control: give the locator of the button that declines the policy");
        }
        return out;
    }

    private Locator locator(JsonToken token, String field) throws IOException, FlowException {
        JsonLocation at = here();
        String kinds = Arrays.stream(LocatorKind.values()).map(LocatorKind::id).collect(Collectors.joining(", "));
        expect(token, JsonToken.START_OBJECT, field, "a locator is an object with one of " + kinds);
        Locator found = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
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
