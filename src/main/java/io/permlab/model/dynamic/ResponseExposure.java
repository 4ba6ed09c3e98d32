package io.permlab.model.dynamic;

/**
 * Personal information a response carried in full that the page did not show so: {@code kind} is
 * {@link Kind#SHOWN_MASKED} (the page shows it only masked, e.g. 138****5678 for the full number in the response),
 * {@link Kind#NOT_SHOWN} (the page does not show it at all) or {@link Kind#OTHERS} (it is not the test persona's: another
 * person's phone, ID number or address in, say, a list). {@code type} is a PiType name, {@code where} the place in the
 * response ("response $.data[2].phone"), {@code maskedValue} the value masked; {@code exchangeId} points at the exchange
 * (and so at its HAR entry), {@code screenshot} at the checkpoint's screenshot of what the page showed.
 */
public record ResponseExposure(String exchangeId, int stepIndex, String method, String url, String host, Kind kind,
                               String type, String where, String maskedValue, String screenshot) {

    public enum Kind {
        SHOWN_MASKED, NOT_SHOWN, OTHERS
    }
}
