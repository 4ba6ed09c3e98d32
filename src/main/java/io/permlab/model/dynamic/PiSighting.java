package io.permlab.model.dynamic;

/**
 * Personal information seen in traffic or storage: its type (a PiType name), where exactly ("query phone",
 * "body $.address.lat", "header Cookie"), the value masked, and for coordinates the number of decimals.
 */
public record PiSighting(String type, String where, String maskedValue, int decimals) {
    /** Coordinates with 4 or more decimals place a person within about 10 m. */
    public boolean precise() {
        return !"COORDINATES".equals(type) || decimals >= 4;
    }
}
