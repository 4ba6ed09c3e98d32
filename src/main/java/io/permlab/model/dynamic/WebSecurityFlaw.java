package io.permlab.model.dynamic;

/**
 * A weakness a run's traffic shows: a session or PI cookie set over https without Secure or HttpOnly
 * ({@link Kind#INSECURE_COOKIE}), or an https page requesting something over http ({@link Kind#MIXED_CONTENT}).
 * {@code subject} is the cookie's name or the insecure URL. For a cookie, {@code detail} lists the missing attributes
 * ("Secure, HttpOnly") and {@code reason} says why the cookie matters ("session", or the PI types it carries:
 * "MOBILE_PHONE"); for mixed content, {@code detail} is how it was seen ("html": referenced by the page's markup;
 * "loaded": requested and answered; "failed": requested and not loaded) and {@code reason} the status or failure.
 * {@code pageUrl} is the https page (or the response that set the cookie). URLs may hold PI: reports mask them.
 */
public record WebSecurityFlaw(Kind kind, String subject, String detail, String reason, String pageUrl, String exchangeId,
                              int stepIndex) {
    public enum Kind {
        INSECURE_COOKIE,
        MIXED_CONTENT
    }
}
