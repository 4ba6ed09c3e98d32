package io.permlab.rules.miniprogram;

import io.permlab.model.miniprogram.MiniProgramFacts;
import io.permlab.model.miniprogram.Owner;

import java.util.HashSet;
import java.util.Set;

/**
 * Which parts of a mini-program handle the privacy agreement in their own code: pages and components calling
 * wx.requirePrivacyAuthorize or wx.getPrivacySetting or holding an agreePrivacyAuthorization button; a page is also
 * covered by such a component it uses, or one declared globally in app.json. (wx.onNeedPrivacyAuthorization is a
 * global listener and covers everything; the rule checks it first.)
 */
final class PrivacyCoverage {
    private final MiniProgramFacts mp;
    private final Set<String> handled = new HashSet<>();

    PrivacyCoverage(MiniProgramFacts mp) {
        this.mp = mp;
        mp.calls().stream().filter(c -> c.platform() && (c.api().equals("requirePrivacyAuthorize") || c.api().equals("getPrivacySetting")))
                .forEach(c -> handled.add(c.owner()));
        mp.wxmlHooks().stream().filter(h -> h.attribute().equals("open-type") && h.value().equals("agreePrivacyAuthorization"))
                .forEach(h -> handled.add(h.owner()));
    }

    boolean covers(String owner) {
        if (handled.contains(owner) || handled.contains("app")) {
            return true;
        }
        Owner app = mp.owner("app");
        if (app != null && app.components().stream().anyMatch(handled::contains)) {
            return true;
        }
        Owner o = mp.owner(owner);
        return o != null && o.components().stream().anyMatch(handled::contains);
    }

    /** "3.3.4" vs "2.32.3", numerically part by part; non-numeric parts count as 0. */
    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Integer.compare(part(x, i), part(y, i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int part(String[] parts, int i) {
        if (i >= parts.length) {
            return 0;
        }
        try {
            return Integer.parseInt(parts[i].replaceAll("\\D.*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
