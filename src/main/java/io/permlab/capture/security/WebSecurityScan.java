package io.permlab.capture.security;

import io.permlab.exercise.Header;
import io.permlab.exercise.ObservedExchange;
import io.permlab.exercise.RawRun;
import io.permlab.knowledge.pi.PiDetector;
import io.permlab.knowledge.pi.PiMatch;
import io.permlab.model.dynamic.WebSecurityFlaw;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Security flaws a run's traffic shows, read from the exchanges as the browser reported them: cookies set by an https
 * response without Secure (then also sent over http to the same host) or without HttpOnly (then readable by any
 * script on the page) when the cookie is a session's or carries PI; and mixed content: an http:// subresource an https
 * page's HTML references, or an http:// request made while the page shown was an https one (Chromium upgrades or blocks
 * most of it before it is sent, older WebViews load it). One flaw per cookie name and per insecure URL.
 */
public final class WebSecurityScan {
    private WebSecurityScan() {
    }

    public static List<WebSecurityFlaw> scan(List<RawRun.TimedExchange> exchanges) {
        List<WebSecurityFlaw> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        String page = null;
        for (RawRun.TimedExchange t : exchanges) {
            ObservedExchange e = t.exchange();
            String url = e.url() == null ? "" : e.url();
            if (isDocument(e)) {
                page = url;
                if (isHttps(url)) {
                    // Chromium upgrades or blocks http:// subresources before they leave it: the page's own HTML says what it asks for.
                    for (String insecure : InsecureSubresources.in(e.responseBody())) {
                        if (seen.add("mixed|" + insecure)) {
                            out.add(new WebSecurityFlaw(WebSecurityFlaw.Kind.MIXED_CONTENT, insecure, "html", "",
                                    url, e.requestId(), t.stepIndex()));
                        }
                    }
                }
                continue; // a page navigated to over http is cleartext, not mixed content
            }
            if (page != null && isHttps(page) && url.regionMatches(true, 0, "http://", 0, 7) && seen.add("mixed|" + url)) {
                out.add(new WebSecurityFlaw(WebSecurityFlaw.Kind.MIXED_CONTENT, url, e.failed() ? "failed" : "loaded",
                        e.failed() ? String.valueOf(e.failureText()) : "HTTP " + e.status(), page, e.requestId(), t.stepIndex()));
            }
            cookies(e, t.stepIndex(), seen, out);
        }
        for (RawRun.TimedExchange t : exchanges) {
            if (isDocument(t.exchange())) {
                cookies(t.exchange(), t.stepIndex(), seen, out);
            }
        }
        return out;
    }

    private static void cookies(ObservedExchange e, int step, Set<String> seen, List<WebSecurityFlaw> out) {
        if (e.url() == null || !isHttps(e.url())) {
            return;
        }
        for (Header h : e.responseHeaders()) {
            if (!h.name().equalsIgnoreCase("set-cookie")) {
                continue;
            }
            SetCookie c = SetCookie.parse(h.value());
            String why = sensitive(c);
            if (why == null) {
                continue;
            }
            List<String> missing = new ArrayList<>();
            if (!c.has("secure")) {
                missing.add("Secure");
            }
            if (!c.has("httponly")) {
                missing.add("HttpOnly");
            }
            if (!missing.isEmpty() && seen.add("cookie|" + c.name())) {
                out.add(new WebSecurityFlaw(WebSecurityFlaw.Kind.INSECURE_COOKIE, c.name(), String.join(", ", missing), why,
                        e.url(), e.requestId(), step));
            }
        }
    }

    /** Why a cookie matters: the PI types it carries ("MOBILE_PHONE"), "session", or null when neither. */
    static String sensitive(SetCookie c) {
        List<String> pi = PiDetector.find(c.value()).stream().map(PiMatch::type).map(Enum::name).distinct().toList();
        if (!pi.isEmpty()) {
            return String.join(",", pi);
        }
        return SessionNames.isSession(c.name()) ? "session" : null;
    }

    /** A top-level page load: the browser says so in Sec-Fetch-Dest, or (without it) it asked for and got HTML. */
    static boolean isDocument(ObservedExchange e) {
        String dest = e.requestHeader("Sec-Fetch-Dest");
        if (dest != null) {
            return dest.equalsIgnoreCase("document");
        }
        String accept = e.requestHeader("Accept");
        String mime = e.responseMimeType() == null ? "" : e.responseMimeType().toLowerCase(Locale.ROOT);
        return accept != null && accept.toLowerCase(Locale.ROOT).startsWith("text/html") && mime.startsWith("text/html");
    }

    private static boolean isHttps(String url) {
        return url.regionMatches(true, 0, "https://", 0, 8);
    }
}
