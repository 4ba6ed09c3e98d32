package io.permlab.inspect.apk;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.SdkSignature;
import io.permlab.knowledge.SensitiveApi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The knowledge base's SDK prefixes and sensitive-API descriptors, indexed for the dex scan: member keys
 * ("Lpkg/Class;->name"), exact strings, string prefixes, and SDK prefixes in descriptor form ("Lcom/amap/api/").
 */
final class CodeSignatures {
    /** URLs in these namespaces are XML or schema identifiers, not endpoints the app talks to. */
    private static final List<String> NOT_ENDPOINTS = List.of(
            "http://schemas.android.com/", "http://www.w3.org/", "http://xml.org/", "http://xmlpull.org/",
            "http://apache.org/", "http://ns.adobe.com/", "http://purl.org/", "http://www.apache.org/licenses/",
            "http://java.sun.com/", "http://jabber.org/", "http://localhost", "http://127.0.0.1",
            "http://schemas.xmlsoap.org/", "http://www.example.com", "http://example.com");

    final Map<String, SensitiveApi> members = new HashMap<>();
    final Map<String, SensitiveApi> exactStrings = new HashMap<>();
    final List<Map.Entry<String, SensitiveApi>> stringPrefixes = new ArrayList<>();
    final List<SdkPrefix> sdkPrefixes = new ArrayList<>();

    record SdkPrefix(SdkSignature sdk, String prefix, String descriptorPrefix) {
    }

    CodeSignatures(KnowledgeBase kb) {
        for (SensitiveApi api : kb.sensitiveApis()) {
            api.methods().forEach(m -> members.put(m, api));
            api.fields().forEach(f -> members.put(f, api));
            for (String s : api.strings()) {
                if (s.startsWith("content://")) {
                    stringPrefixes.add(Map.entry(s, api));
                } else {
                    exactStrings.put(s, api);
                }
            }
        }
        for (SdkSignature sdk : kb.sdks()) {
            for (String p : sdk.prefixes()) {
                sdkPrefixes.add(new SdkPrefix(sdk, p, "L" + p.replace('.', '/') + "/"));
            }
        }
    }

    SensitiveApi apiForString(String s) {
        SensitiveApi exact = exactStrings.get(s);
        if (exact != null) {
            return exact;
        }
        if (s.startsWith("content://")) {
            for (Map.Entry<String, SensitiveApi> e : stringPrefixes) {
                if (startsAtBoundary(s, e.getKey())) {
                    return e.getValue();
                }
            }
        }
        return null;
    }

    /**
     * {@code s} starts with {@code prefix} and the prefix ends at a boundary: "content://sms/inbox" matches
     * "content://sms", "content://smsfoo" does not; "http://localhost:8080/" matches "http://localhost",
     * "http://localhost.evil.net" does not.
     */
    static boolean startsAtBoundary(String s, String prefix) {
        if (!s.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return false;
        }
        if (s.length() == prefix.length() || prefix.endsWith("/")) {
            return true;
        }
        char next = s.charAt(prefix.length());
        return next == '/' || next == ':' || next == '?' || next == '#';
    }

    /** The SDK whose package a class (dex descriptor "Lcom/x/Y;") lives in, or null. */
    SdkPrefix sdkOf(String classDescriptor) {
        for (SdkPrefix p : sdkPrefixes) {
            if (classDescriptor.startsWith(p.descriptorPrefix())) {
                return p;
            }
        }
        return null;
    }

    static boolean isEndpoint(String s) {
        if (!s.regionMatches(true, 0, "http://", 0, 7) || s.length() <= 7 || s.length() > 2048) {
            return false;
        }
        for (String prefix : NOT_ENDPOINTS) {
            if (startsAtBoundary(s, prefix)) {
                return false;
            }
        }
        char host = s.charAt(7);
        return Character.isLetterOrDigit(host) && s.chars().noneMatch(Character::isWhitespace);
    }
}
