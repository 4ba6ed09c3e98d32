package io.permlab.device.lab;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Selenium Grid 4 whose nodes relay to Appium servers ({@code [relay]} in the node's TOML): {@code GET /status}
 * lists each node with its {@code availability} (UP, DOWN, DRAINING) and its slots, each with the stereotype the relay
 * advertises and the session it holds. A slot with {@code platformName} android is one device; it must name the
 * device's adb serial as {@code appium:udid} in its stereotype, since PermLab resets the app through adb before the
 * session and asks the Grid for exactly that device.
 */
public final class GridLab extends HttpLab {
    static final String STATUS = "/status";
    private static final String FIX = "check the Grid's URL and that it runs (java -jar selenium-server.jar hub / node --config "
            + "relay.toml; README, \"Running on a device lab\")";

    public GridLab(URL url) {
        super(url, STATUS, FIX);
    }

    @Override
    List<LabDevice> read(JsonElement answer, String source) throws LabException {
        return parse(answer, source);
    }

    /** The android slots of the Grid's /status answer. */
    static List<LabDevice> parse(JsonElement answer, String source) throws LabException {
        if (answer == null || !answer.isJsonObject() || !answer.getAsJsonObject().has("value")
                || !answer.getAsJsonObject().get("value").isJsonObject()) {
            throw new LabException(source + " did not answer a Selenium Grid status ({\"value\": {\"ready\", \"nodes\"}}): " + FIX);
        }
        JsonObject value = answer.getAsJsonObject().getAsJsonObject("value");
        List<LabDevice> out = new ArrayList<>();
        if (!value.has("nodes") || !value.get("nodes").isJsonArray()) {
            return out;
        }
        for (JsonElement n : value.getAsJsonArray("nodes")) {
            if (!n.isJsonObject()) {
                continue;
            }
            JsonObject node = n.getAsJsonObject();
            String availability = LabHttp.string(node, "availability");
            String nodeUri = LabHttp.string(node, "uri");
            if (!node.has("slots") || !node.get("slots").isJsonArray()) {
                continue;
            }
            for (JsonElement s : node.getAsJsonArray("slots")) {
                if (!s.isJsonObject() || !s.getAsJsonObject().has("stereotype") || !s.getAsJsonObject().get("stereotype").isJsonObject()) {
                    continue;
                }
                JsonObject slot = s.getAsJsonObject();
                JsonObject stereotype = slot.getAsJsonObject("stereotype");
                String platform = LabHttp.string(stereotype, "platformName");
                if (platform == null || !platform.toLowerCase(Locale.ROOT).equals("android")) {
                    continue;
                }
                String udid = LabHttp.string(stereotype, "appium:udid");
                String version = LabHttp.string(stereotype, "appium:platformVersion");
                String name = LabHttp.string(stereotype, "appium:deviceName");
                boolean held = slot.has("session") && !slot.get("session").isJsonNull();
                if (udid == null || udid.isBlank()) {
                    String slotId = slot.has("id") && slot.get("id").isJsonObject() ? LabHttp.string(slot.getAsJsonObject("id"), "id") : null;
                    out.add(new LabDevice("slot " + (slotId == null ? "?" : slotId), name, version, LabDevice.State.OFFLINE,
                            "node " + nodeUri + " advertises an android slot without \"appium:udid\" in its stereotype: add the "
                                    + "device's adb serial to the relay's configs"));
                } else if (!"UP".equals(availability)) {
                    out.add(new LabDevice(udid, name, version, LabDevice.State.OFFLINE, "node " + nodeUri + " is " + availability));
                } else if (held) {
                    out.add(new LabDevice(udid, name, version, LabDevice.State.BUSY, "session on node " + nodeUri));
                } else {
                    out.add(new LabDevice(udid, name, version, LabDevice.State.FREE, "node " + nodeUri));
                }
            }
        }
        return out;
    }

    @Override
    public String describe() {
        return "selenium grid " + url();
    }
}
