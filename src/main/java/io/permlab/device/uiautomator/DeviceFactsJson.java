package io.permlab.device.uiautomator;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonSerializer;
import io.permlab.model.android.DeviceRunFacts;

import java.time.Instant;

/** {@code device-facts.json} in a run's folder: the device's facts as written, instants in ISO-8601. */
final class DeviceFactsJson {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls()
            .registerTypeAdapter(Instant.class, (JsonSerializer<Instant>) (i, t, c) -> new JsonPrimitive(i.toString()))
            .create();

    private DeviceFactsJson() {
    }

    static String write(DeviceRunFacts facts) {
        return GSON.toJson(facts);
    }
}
