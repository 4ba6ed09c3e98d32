package io.permlab.model.dynamic;

/**
 * Personal information seen in traffic or storage: its type (a PiType name), where exactly ("query phone",
 * "body $.address.lat", "cookie tel"), the value masked, and for coordinates the number of decimals. {@code origin}
 * for sent coordinates when the session knew what positions it handed the program: {@link #DEVICE} (the phone's
 * position), {@link #FUZZY} (getFuzzyLocation's), {@link #PICKED} (a place the user picked or the program showed) or
 * {@link #OTHER} (none of them: the program's own data); null when the session could not tell (a browser).
 * {@code typedAtStep}: for sent PI, the flow step at which the user typed this very value into the page, before the
 * exchange (the recorder matched the typed value itself, in memory; {@code io.permlab.capture.TypedValues}); null when the
 * value is not one the user typed. It holds a step index, never the value.
 */
public record PiSighting(String type, String where, String maskedValue, int decimals, String origin, Integer typedAtStep) {
    public static final String DEVICE = "device";
    public static final String FUZZY = "fuzzy";
    public static final String PICKED = "picked";
    public static final String OTHER = "other";

    /** A sighting of a value the user did not type. */
    public PiSighting(String type, String where, String maskedValue, int decimals, String origin) {
        this(type, where, maskedValue, decimals, origin, null);
    }

    /** A sighting whose origin is not known. */
    public PiSighting(String type, String where, String maskedValue, int decimals) {
        this(type, where, maskedValue, decimals, null);
    }

    /** Coordinates with 4 or more decimals place a person within about 10 m. */
    public boolean precise() {
        return !"COORDINATES".equals(type) || decimals >= 4;
    }

    /** Whether these may be the phone's own position: from the device, or of an origin nobody could tell. */
    public boolean mayBeDevicePosition() {
        return origin == null || DEVICE.equals(origin);
    }

    public PiSighting withOrigin(String origin) {
        return new PiSighting(type, where, maskedValue, decimals, origin, typedAtStep);
    }

    /** Whether this is a value the user typed into the page (at step {@link #typedAtStep}) before it was sent. */
    public boolean typedByUser() {
        return typedAtStep != null;
    }

    /** This sighting as the value the user typed at {@code step}. */
    public PiSighting typedAt(int step) {
        return new PiSighting(type, where, maskedValue, decimals, origin, step);
    }
}
