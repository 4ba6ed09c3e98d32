package io.permlab.device.miniprogram;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.permlab.model.dynamic.RunPolicy;

/**
 * A run policy as the runtime's user: which scopes they refuse on the sheet, whether location is approximate only
 * (the sheet allowed, the position coarse, as with a phone's "precise location" off), the positions, the privacy
 * agreement accepted when WeChat's own pop-up asks, settings left unchanged, and the request fixtures.
 */
final class PolicyJson {
    private PolicyJson() {
    }

    static JsonObject of(RunPolicy policy, MiniProgramConfig config) {
        JsonObject p = new JsonObject();
        JsonArray refuse = new JsonArray();
        Scopes.refused(policy).forEach(refuse::add);
        p.add("refuse", refuse);
        p.addProperty("location", policy.kind() == RunPolicy.Kind.APPROXIMATE ? "approximate" : "precise");
        p.addProperty("privacy", "agree");
        p.addProperty("settingsGrant", false);
        p.add("position", position(config.precise()));
        p.add("approximate", position(config.approximate()));
        JsonArray fixtures = new JsonArray();
        for (MiniProgramConfig.Fixture f : config.fixtures()) {
            JsonObject o = new JsonObject();
            o.addProperty("url", f.urlPattern());
            if (f.method() != null) {
                o.addProperty("method", f.method());
            }
            o.addProperty("status", f.status());
            o.add("data", JsonParser.parseString(f.jsonBody()));
            fixtures.add(o);
        }
        p.add("fixtures", fixtures);
        return p;
    }

    private static JsonObject position(MiniProgramConfig.Position pos) {
        JsonObject o = new JsonObject();
        o.addProperty("latitude", pos.latitude());
        o.addProperty("longitude", pos.longitude());
        o.addProperty("accuracy", pos.accuracy());
        return o;
    }
}
