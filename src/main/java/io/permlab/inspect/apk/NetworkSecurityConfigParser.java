package io.permlab.inspect.apk;

import io.permlab.model.apk.DomainConfig;
import io.permlab.model.apk.NetworkSecurityConfig;
import org.xmlpull.v1.XmlPullParser;
import org.xmlpull.v1.XmlPullParserException;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Reads the compiled network security config: cleartext settings and whether user CAs are trusted, per scope. */
final class NetworkSecurityConfigParser {
    private final ApktoolResources resources;

    NetworkSecurityConfigParser(ApktoolResources resources) {
        this.resources = resources;
    }

    NetworkSecurityConfig parse(String file, byte[] binaryXml) throws XmlPullParserException, IOException {
        XmlPullParser p = resources.parser(binaryXml);
        Boolean baseCleartext = null;
        Boolean baseUser = null;
        boolean debugUser = false;
        String element = null;
        List<DomainConfig> domains = new ArrayList<>();
        Deque<Scope> scopes = new ArrayDeque<>();
        int event;
        while ((event = p.next()) != XmlPullParser.END_DOCUMENT) {
            if (event == XmlPullParser.START_TAG) {
                String tag = p.getName();
                element = tag;
                switch (tag) {
                    case "base-config" -> scopes.push(new Scope("base", bool(attr(p, "cleartextTrafficPermitted"))));
                    case "domain-config" -> {
                        Boolean inherited = scopes.isEmpty() ? null : scopes.peek().cleartext;
                        Boolean own = bool(attr(p, "cleartextTrafficPermitted"));
                        scopes.push(new Scope("domain", own != null ? own : inherited));
                    }
                    case "debug-overrides" -> scopes.push(new Scope("debug", null));
                    case "trust-anchors" -> {
                        if (!scopes.isEmpty()) {
                            scopes.peek().declaresTrustAnchors = true;
                        }
                    }
                    case "certificates" -> {
                        if (!scopes.isEmpty() && "user".equals(attr(p, "src"))) {
                            scopes.peek().trustsUser = true;
                        }
                    }
                    default -> { }
                }
            } else if (event == XmlPullParser.TEXT && "domain".equals(element) && !scopes.isEmpty()
                    && "domain".equals(scopes.peek().kind)) {
                // Only <domain> text names a domain; <pin> digests and other text inside a domain-config do not.
                String text = p.getText();
                if (text != null && !text.isBlank()) {
                    scopes.peek().domains.add(text.trim());
                }
            } else if (event == XmlPullParser.END_TAG) {
                String tag = p.getName();
                element = null;
                if (("base-config".equals(tag) || "domain-config".equals(tag) || "debug-overrides".equals(tag)) && !scopes.isEmpty()) {
                    Scope s = scopes.pop();
                    switch (s.kind) {
                        case "base" -> {
                            baseCleartext = s.cleartext;
                            baseUser = s.declaresTrustAnchors ? s.trustsUser : null;
                        }
                        case "domain" -> domains.add(new DomainConfig(s.domains, s.cleartext, s.trustsUser));
                        default -> debugUser = s.trustsUser;
                    }
                }
            }
        }
        return new NetworkSecurityConfig(file, baseCleartext, baseUser, domains, debugUser);
    }

    private static String attr(XmlPullParser p, String name) {
        for (int i = 0; i < p.getAttributeCount(); i++) {
            if (name.equals(p.getAttributeName(i))) {
                return p.getAttributeValue(i);
            }
        }
        return null;
    }

    private static Boolean bool(String s) {
        return s == null ? null : Boolean.valueOf(s.trim());
    }

    private static final class Scope {
        final String kind;
        final Boolean cleartext;
        boolean trustsUser;
        boolean declaresTrustAnchors;
        final List<String> domains = new ArrayList<>();

        Scope(String kind, Boolean cleartext) {
            this.kind = kind;
            this.cleartext = cleartext;
        }
    }
}
