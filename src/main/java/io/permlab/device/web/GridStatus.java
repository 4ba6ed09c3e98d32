package io.permlab.device.web;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.util.Optional;

/**
 * Reads a Selenium Grid hub's /status answer: {@code value.nodes[].slots[].session} is null or the open session, with
 * {@code sessionId} and the {@code capabilities} the driver answered; ChromeDriver's include
 * {@code chrome.userDataDir}, the browser's profile folder (format: src/test/resources/grid/README.md).
 */
final class GridStatus {
    private GridStatus() {
    }

    static Optional<String> sessionWithProfile(String statusJson, String profile) throws IOException {
        try {
            JsonObject value = JsonParser.parseString(statusJson).getAsJsonObject().getAsJsonObject("value");
            for (JsonElement node : value.getAsJsonArray("nodes")) {
                for (JsonElement slot : node.getAsJsonObject().getAsJsonArray("slots")) {
                    JsonElement session = slot.getAsJsonObject().get("session");
                    if (session != null && session.isJsonObject() && profile.equals(userDataDir(session.getAsJsonObject()))) {
                        return Optional.of(session.getAsJsonObject().get("sessionId").getAsString());
                    }
                }
            }
            return Optional.empty();
        } catch (JsonParseException | IllegalStateException | NullPointerException | ClassCastException e) {
            throw new IOException("the Grid's /status is not the expected JSON: " + e.getMessage(), e);
        }
    }

    private static String userDataDir(JsonObject session) {
        JsonObject caps = session.getAsJsonObject("capabilities");
        JsonObject chrome = caps == null ? null : caps.getAsJsonObject("chrome");
        JsonElement dir = chrome == null ? null : chrome.get("userDataDir");
        return dir == null || dir.isJsonNull() ? null : dir.getAsString();
    }
}
