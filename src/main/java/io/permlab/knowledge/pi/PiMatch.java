package io.permlab.knowledge.pi;

/**
 * One piece of PI found in a text: its type, position, the raw value, and (for coordinates) the number of decimals,
 * which tells precision: 4 or more is about 10 m, 2 is about 1 km.
 */
public record PiMatch(PiType type, int start, int end, String value, int decimals) {
    public boolean precise() {
        return type != PiType.COORDINATES || decimals >= 4;
    }
}
