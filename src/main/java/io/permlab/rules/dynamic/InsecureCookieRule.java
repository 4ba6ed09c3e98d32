package io.permlab.rules.dynamic;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.pi.PiType;
import io.permlab.model.Localized;
import io.permlab.model.dynamic.WebSecurityFlaw;

import java.util.Arrays;
import java.util.List;

/** A session or PI cookie set over https without Secure or HttpOnly (CWE-614, CWE-1004). */
public final class InsecureCookieRule extends WebSecurityFlawRule {
    public InsecureCookieRule() {
        super(WebSecurityFlaw.Kind.INSECURE_COOKIE);
    }

    /** "缺少 Secure、HttpOnly（会话 Cookie）" / "without Secure, HttpOnly (a session cookie)". */
    @Override
    Localized detail(WebSecurityFlaw flaw, KnowledgeBase kb) {
        Localized why;
        if (flaw.reason().equals("session")) {
            why = new Localized("会话 Cookie", "a session cookie");
        } else {
            List<String> kinds = Arrays.stream(flaw.reason().split(",")).map(t -> PiType.valueOf(t).piKind()).distinct().toList();
            Localized pi = kb.piLabels(kinds);
            why = new Localized("含" + pi.zh(), "carries " + pi.en());
        }
        return new Localized("缺少 " + flaw.detail().replace(", ", "、") + "（" + why.zh() + "）",
                "without " + flaw.detail() + " (" + why.en() + ")");
    }

    @Override
    public String id() {
        return "DYN-COOKIE-INSECURE";
    }
}
