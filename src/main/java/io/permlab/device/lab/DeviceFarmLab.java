package io.permlab.device.lab;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An Appium server with the device-farm plugin (npm {@code appium-device-farm}): {@code GET /device-farm/api/device}
 * answers an array of the plugin's {@code IDevice} records ({@code udid}, {@code name}, {@code sdk}, {@code platform},
 * {@code state}, {@code busy}, {@code offline}, {@code session_id}, {@code userBlocked}, {@code host}; the shape of
 * src/interfaces/IDevice.ts and src/app/routers/grid.ts in AppiumTestDistribution/appium-device-farm). Sessions are
 * asked for at the server's own URL; the plugin routes one with {@code appium:udid} to that device.
 */
public final class DeviceFarmLab extends HttpLab {
    static final String DEVICES = "/device-farm/api/device";
    private static final String FIX = "start Appium with the plugin: APPIUM_HOME=.appium npx --no-install appium server "
            + "--use-plugins=device-farm --plugin-device-farm-platform=android (README, \"Running on a device lab\")";

    public DeviceFarmLab(URL url) {
        super(url, DEVICES, FIX);
    }

    @Override
    List<LabDevice> read(JsonElement answer, String source) throws LabException {
        return parse(answer, source);
    }

    /** The Android devices in the plugin's answer; anything but an array of objects is an error naming the source. */
    static List<LabDevice> parse(JsonElement answer, String source) throws LabException {
        if (answer == null || !answer.isJsonArray()) {
            throw new LabException(source + " did not answer the device-farm plugin's device list (a JSON array): " + FIX);
        }
        List<LabDevice> out = new ArrayList<>();
        int i = 0;
        for (JsonElement e : answer.getAsJsonArray()) {
            if (!e.isJsonObject()) {
                throw new LabException(source + ": [" + i + "] is not a device object");
            }
            JsonObject d = e.getAsJsonObject();
            String udid = LabHttp.string(d, "udid");
            if (udid == null || udid.isBlank()) {
                throw new LabException(source + ": [" + i + "].udid is missing");
            }
            i++;
            String platform = LabHttp.string(d, "platform");
            if (platform == null || !platform.toLowerCase(Locale.ROOT).equals("android")) {
                continue;
            }
            LabDevice.State state;
            String detail;
            String adbState = LabHttp.string(d, "state");
            if (LabHttp.bool(d, "offline") || adbState != null && !adbState.equals("device")) {
                state = LabDevice.State.OFFLINE;
                detail = LabHttp.bool(d, "offline") ? "offline" : "adb state " + adbState;
            } else if (LabHttp.bool(d, "busy") || LabHttp.bool(d, "userBlocked")) {
                state = LabDevice.State.BUSY;
                String session = LabHttp.string(d, "session_id");
                detail = LabHttp.bool(d, "userBlocked") ? "blocked by a lab user" : session != null ? "session " + session : "in use";
            } else {
                state = LabDevice.State.FREE;
                detail = LabHttp.string(d, "host") == null ? "" : "on " + LabHttp.string(d, "host");
            }
            out.add(new LabDevice(udid, LabHttp.string(d, "name"), LabHttp.string(d, "sdk"), state, detail));
        }
        return out;
    }

    @Override
    public String describe() {
        return "appium device-farm " + url();
    }
}
