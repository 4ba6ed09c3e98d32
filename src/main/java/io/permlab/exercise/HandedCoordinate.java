package io.permlab.exercise;

/**
 * A position the session itself handed to the program under test, with where it came from: the device's position
 * ({@link #DEVICE}: getLocation, onLocationChange after startLocationUpdate), the fuzzy position ({@link #FUZZY}:
 * getFuzzyLocation), or a place the user picked or the program showed ({@link #PICKED}: chooseLocation, choosePoi,
 * openLocation). Sent coordinates are matched against these values to know whether they are the phone's position.
 */
public record HandedCoordinate(String source, String api, double latitude, double longitude) {
    public static final String DEVICE = "device";
    public static final String FUZZY = "fuzzy";
    public static final String PICKED = "picked";

    public HandedCoordinate {
        if (!DEVICE.equals(source) && !FUZZY.equals(source) && !PICKED.equals(source)) {
            throw new IllegalArgumentException("unknown coordinate source '" + source + "'");
        }
    }
}
