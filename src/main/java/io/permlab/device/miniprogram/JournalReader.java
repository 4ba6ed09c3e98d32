package io.permlab.device.miniprogram;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.permlab.exercise.HandedCoordinate;
import io.permlab.exercise.Header;
import io.permlab.exercise.ObservedEvent;
import io.permlab.exercise.ObservedExchange;
import io.permlab.exercise.ObservedRequest;
import io.permlab.model.dynamic.RequestAnswer;
import io.permlab.exercise.PageError;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Turns the runtime's journal into the evidence every session gives: authorization sheets (and the settings page
 * opened after a refusal) as permission requests; scoped calls answered from an earlier decision with no sheet only
 * on the run's timeline (kind "auth": the user was shown nothing, so they ask nothing and need no purpose); wx.request and
 * uploadFile as network exchanges (with the positions handed to the program before them, so sent coordinates can be
 * traced to the device, the fuzzy position or a place the user picked), thrown errors and cut loops as page errors;
 * every entry also as a {@link WxEvent}.
 */
final class JournalReader {
    /**
     * Journal kinds that are evidence for the run's timeline; "action" only for the entry exploration's own taps;
     * "refused" is a private API WeChat rejected before any sheet (not in requiredPrivateInfos), "auth" a scoped call
     * answered from an earlier decision without a sheet, "no-sheet" wx.authorize for a scope WeChat no longer asks
     * about (scope.userInfo, scope.address …): none is a permission request, nothing was asked of the user. "exit" is
     * the program closing itself (wx.exitMiniProgram, a navigator with open-type="exit"; left=false when WeChat refused).
     */
    private static final java.util.Set<String> TIMELINE = java.util.Set.of("modal", "privacy", "private", "settings", "action", "refused", "auth",
            "no-sheet", "exit");

    private final String origin;
    final List<ObservedRequest> requests = new ArrayList<>();
    final List<ObservedExchange> exchanges = new ArrayList<>();
    final List<PageError> errors = new ArrayList<>();
    final List<WxEvent> events = new ArrayList<>();
    /** The entries a run keeps as its timeline (modals, privacy answers, private APIs going ahead, settings, exploration taps). */
    final List<ObservedEvent> timeline = new ArrayList<>();
    /** Every position handed to the program so far in the session, with its source: sent coordinates are traced to them. */
    final List<HandedCoordinate> handed = new ArrayList<>();
    private String route = "";

    JournalReader(String origin) {
        this.origin = origin;
    }

    /** Reads new entries; {@code screen} gives the page text at that moment, asked only when a sheet needs it. */
    void read(Iterable<JsonElement> entries, Supplier<String> screen) {
        String text = null;
        for (JsonElement e : entries) {
            JsonObject o = e.getAsJsonObject();
            String kind = str(o, "kind");
            Instant at = Instant.ofEpochMilli(o.get("at").getAsLong());
            WxEvent event = event(o, at, kind);
            events.add(event);
            if (TIMELINE.contains(kind) && (!kind.equals("action") || "true".equals(event.field("explored")))) {
                Map<String, String> fields = event.fields();
                if (kind.equals("auth")) {
                    fields = new LinkedHashMap<>(fields);
                    fields.put("sheet", "not shown: decided before");
                }
                timeline.add(new ObservedEvent(at, kind, event.api(), fields));
            }
            switch (kind) {
                case "lifecycle" -> {
                    if ("onLoad".equals(str(o, "hook"))) {
                        route = str(o, "target");
                    }
                }
                case "sheet" -> {
                    if (text == null) {
                        text = screen.get();
                    }
                    requests.add(request(o, at, kind, text));
                }
                case "settings" -> settings(o, at, text == null ? (text = screen.get()) : text);
                case "coords" -> handed.add(new HandedCoordinate(str(o, "source"), str(o, "api"),
                        o.get("latitude").getAsDouble(), o.get("longitude").getAsDouble()));
                case "request" -> exchanges.add(exchange(o, at));
                case "error" -> errors.add(new PageError(at, str(o, "message"), str(o, "where"), 0));
                case "loop" -> errors.add(new PageError(at, "cut by PermLab: " + str(o, "message"), route, 0));
                default -> {
                }
            }
        }
    }

    private ObservedRequest request(JsonObject o, Instant at, String kind, String screen) {
        String scope = str(o, "scope");
        String api = str(o, "api");
        Map<String, String> options = new LinkedHashMap<>();
        JsonObject given = o.has("options") && o.get("options").isJsonObject() ? o.getAsJsonObject("options") : new JsonObject();
        given.entrySet().forEach(en -> options.put(en.getKey(), en.getValue().isJsonPrimitive() ? en.getValue().getAsString() : en.getValue().toString()));
        if (options.containsKey("isHighAccuracy")) {
            options.put("enableHighAccuracy", options.get("isHighAccuracy")); // the name the shared rules read
        }
        if (scope != null) {
            options.put("scope", scope);
        }
        String outcome;
        String visible = screen;
        switch (kind) {
            case "sheet" -> {
                String desc = str(o, "desc");
                options.put("sheet", "shown");
                options.put("desc", desc == null ? "(none in app.json)" : desc);
                visible = screen + "\n" + Scopes.sheetText(scope, desc);
                String answer = str(o, "answer");
                outcome = "deny".equals(answer) ? "error:auth deny" : "allow-approximate".equals(answer) || "getFuzzyLocation".equals(api)
                        ? "success:accuracy=2000" : "success";
            }
            default -> throw new IllegalArgumentException("not a permission request: " + kind);
        }
        return new ObservedRequest(Scopes.permission(scope), "wx." + api, options, at, origin, route, true, visible, outcome,
                answerOf(outcome), "success:accuracy=2000".equals(outcome) ? 2000 : null);
    }

    /** The typed answer of what the runtime wrote as the API's result ("success…", "error:…"). */
    private static RequestAnswer answerOf(String outcome) {
        return outcome.startsWith("success") ? RequestAnswer.SUCCEEDED : outcome.startsWith("error") ? RequestAnswer.FAILED : RequestAnswer.UNKNOWN;
    }

    /** The settings page opened while a scope stood refused: WeChat's way of asking again. */
    private void settings(JsonObject o, Instant at, String screen) {
        if (!o.get("afterRefusal").getAsBoolean() || o.has("opened") && !o.get("opened").getAsBoolean()) {
            return; // not after a refusal, or never shown (wx.openSetting without a tap): only on the timeline
        }
        JsonObject before = o.getAsJsonObject("before");
        JsonObject after = o.getAsJsonObject("after");
        for (Map.Entry<String, JsonElement> en : before.entrySet()) {
            if (en.getValue().getAsBoolean()) {
                continue;
            }
            String scope = en.getKey();
            boolean nowOn = after.has(scope) && after.get(scope).getAsBoolean();
            Map<String, String> options = Map.of("scope", scope, "sheet", "settings page", "via", str(o, "api"));
            requests.add(new ObservedRequest(Scopes.permission(scope), "wx.openSetting", options, at, origin, route, true,
                    screen + "\n设置\n" + Scopes.sheetText(scope, null), nowOn ? "success" : "error:left refused in settings",
                    nowOn ? RequestAnswer.SUCCEEDED : RequestAnswer.FAILED, null));
        }
    }

    private ObservedExchange exchange(JsonObject o, Instant at) {
        List<Header> headers = new ArrayList<>();
        if (o.has("header") && o.get("header").isJsonObject()) {
            o.getAsJsonObject("header").entrySet().forEach(en -> headers.add(new Header(en.getKey(),
                    en.getValue().isJsonPrimitive() ? en.getValue().getAsString() : en.getValue().toString())));
        }
        String body = str(o, "body");
        String response = str(o, "response");
        int status = o.has("status") ? o.get("status").getAsInt() : 200;
        return new ObservedExchange("wx-" + o.get("seq").getAsLong(), at, 0, str(o, "method"), str(o, "url"), "simulated",
                headers, body, status, status == 200 ? "OK" : "", List.of(new Header("Content-Type", "application/json")),
                "application/json", response, false, response == null ? 0 : response.length(), false, null,
                List.copyOf(handed));
    }

    private static WxEvent event(JsonObject o, Instant at, String kind) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> en : o.entrySet()) {
            String k = en.getKey();
            if (k.equals("seq") || k.equals("at") || k.equals("kind") || k.equals("api") || k.equals("simulated") || en.getValue().isJsonNull()) {
                continue;
            }
            fields.put(k, en.getValue().isJsonPrimitive() ? en.getValue().getAsString() : en.getValue().toString());
        }
        boolean simulated = o.has("simulated") && o.get("simulated").getAsBoolean();
        return new WxEvent(at, kind, str(o, "api"), simulated, fields);
    }

    private static String str(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e == null || e.isJsonNull() ? null : e.isJsonPrimitive() ? e.getAsString() : e.toString();
    }
}
