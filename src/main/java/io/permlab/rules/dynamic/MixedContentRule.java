package io.permlab.rules.dynamic;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.Localized;
import io.permlab.model.dynamic.WebSecurityFlaw;

/** An https page requesting a resource over http:// (CWE-319): what it loads can be read and replaced on the way. */
public final class MixedContentRule extends WebSecurityFlawRule {
    public MixedContentRule() {
        super(WebSecurityFlaw.Kind.MIXED_CONTENT);
    }

    @Override
    Localized detail(WebSecurityFlaw flaw, KnowledgeBase kb) {
        return switch (flaw.detail()) {
            case "html" -> new Localized("页面 HTML 中引用", "referenced by the page's HTML");
            case "loaded" -> new Localized("已加载，" + flaw.reason(), "loaded, " + flaw.reason());
            default -> new Localized("未加载：" + flaw.reason(), "not loaded: " + flaw.reason());
        };
    }

    @Override
    public String id() {
        return "DYN-MIXED-CONTENT";
    }
}
