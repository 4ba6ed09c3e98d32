package io.permlab.knowledge.miniprogram;

import java.util.List;

/**
 * A WeChat mini-program API PermLab follows (knowledge/miniprogram-apis.json): its role, the location precision it
 * gives, the permission scope it asks for, whether app.json must list it in requiredPrivateInfos, whether calling it
 * may show a prompt, and the PI it reaches.
 */
public record MiniProgramApi(String name, String role, String precision, String scope, boolean privateInfo,
                             boolean prompts, List<String> pi) {
    public static final String DEVICE_LOCATION = "device-location";
    public static final String LOCATION_PICKER = "location-picker";
    public static final String ADDRESS_PICKER = "address-picker";

    public MiniProgramApi {
        pi = List.copyOf(pi);
    }

    public boolean deviceLocation() {
        return DEVICE_LOCATION.equals(role);
    }

    public boolean precise() {
        return deviceLocation() && "precise".equals(precision);
    }

    /** Reaches personal information or a place the user chose: what a privacy agreement must come before. */
    public boolean collectsPi() {
        return !pi.isEmpty() || LOCATION_PICKER.equals(role);
    }
}
