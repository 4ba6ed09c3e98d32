package io.permlab.pipeline.dynamic;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.permlab.device.miniprogram.MiniProgramConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The answers a mini-program's wx.request calls get, from target.json's optional {@code "fixtures"}:
 * {@code [{"url": "regular expression", "method": "GET", "status": 200, "json": <body>}]}; a request no fixture
 * matches gets {@code 200 {}}. A mistake names the field.
 */
final class MiniProgramFixtures {
    private MiniProgramFixtures() {
    }

    static List<MiniProgramConfig.Fixture> read(Path targetJson) {
        JsonElement root;
        try {
            root = JsonParser.parseString(Files.readString(targetJson, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read: " + e.getMessage());
        }
        JsonElement fs = root.isJsonObject() ? root.getAsJsonObject().get("fixtures") : null;
        List<MiniProgramConfig.Fixture> out = new ArrayList<>();
        if (fs == null || fs.isJsonNull()) {
            return out;
        }
        if (!fs.isJsonArray()) {
            throw new IllegalArgumentException("field 'fixtures' must be an array of {url, method, status, json}");
        }
        JsonArray arr = fs.getAsJsonArray();
        for (int i = 0; i < arr.size(); i++) {
            String field = "fixtures[" + i + "]";
            if (!arr.get(i).isJsonObject()) {
                throw new IllegalArgumentException("field '" + field + "' must be an object");
            }
            JsonObject f = arr.get(i).getAsJsonObject();
            String url = text(f, "url", field);
            if (url == null) {
                throw new IllegalArgumentException("field '" + field + ".url' is required (a regular expression)");
            }
            try {
                Pattern.compile(url);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("field '" + field + ".url' is not a regular expression: " + e.getDescription());
            }
            int status = 200;
            if (f.has("status")) {
                if (!f.get("status").isJsonPrimitive() || !f.get("status").getAsJsonPrimitive().isNumber()) {
                    throw new IllegalArgumentException("field '" + field + ".status' must be a number");
                }
                status = f.get("status").getAsInt();
            }
            JsonElement body = f.has("json") ? f.get("json") : new JsonObject();
            out.add(new MiniProgramConfig.Fixture(url, text(f, "method", field), status, body.toString()));
        }
        return out;
    }

    private static String text(JsonObject o, String name, String field) {
        JsonElement e = o.get(name);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new IllegalArgumentException("field '" + field + "." + name + "' must be a string");
        }
        return e.getAsString();
    }
}
