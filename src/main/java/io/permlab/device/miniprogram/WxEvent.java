package io.permlab.device.miniprogram;

import java.time.Instant;
import java.util.Map;

/**
 * One thing the program did, from the runtime's journal: a wx API call ({@code simulated} when PermLab has no faithful
 * model of it), an authorization sheet, a modal, a toast, a request, the settings page, a navigation, a page error.
 * {@code fields} holds the rest as text (JSON for structured values).
 */
public record WxEvent(Instant at, String kind, String api, boolean simulated, Map<String, String> fields) {
    public WxEvent {
        fields = Map.copyOf(fields);
    }

    public String field(String name) {
        return fields.get(name);
    }
}
