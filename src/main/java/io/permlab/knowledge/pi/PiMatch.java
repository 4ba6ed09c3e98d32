package io.permlab.knowledge.pi;

import java.util.List;

/**
 * One piece of PI found in a text: its type, position, the raw value, and (for coordinates) the number of decimals,
 * which tells precision: 4 or more is about 10 m, 2 is about 1 km. A match in a base64 token spans the whole token
 * and has the type of the first PI decoded from it; {@link #encoded} says what was decoded.
 */
public record PiMatch(PiType type, int start, int end, String value, int decimals, Encoded encoded) {
    public PiMatch(PiType type, int start, int end, String value, int decimals) {
        this(type, start, end, value, decimals, null);
    }

    public boolean precise() {
        return type != PiType.COORDINATES || decimals >= 4;
    }

    /**
     * PI found by decoding a token: the encoding ("base64" or "base64url"), the matches in the decoded text (offsets
     * into that text), and the token re-encoded from the decoded text with that PI masked.
     */
    public record Encoded(String encoding, List<PiMatch> inner, String maskedToken) {
    }
}
