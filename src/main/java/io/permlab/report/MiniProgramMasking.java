package io.permlab.report;

import io.permlab.capture.EvidenceMasker;
import io.permlab.model.miniprogram.ApiCall;
import io.permlab.model.miniprogram.CodeLocation;
import io.permlab.model.miniprogram.ExposedSecret;
import io.permlab.model.miniprogram.CoordinateRequirement;
import io.permlab.model.miniprogram.Endpoint;
import io.permlab.model.miniprogram.MiniProgramFacts;
import io.permlab.model.miniprogram.ScopeDeclaration;
import io.permlab.model.miniprogram.WxmlHook;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Masks personal information in a mini-program's facts: code excerpts (a phone number hard-coded in a test call),
 * option values, URLs, purpose texts. Structure (files, lines, API names) is kept as it is.
 */
final class MiniProgramMasking {
    private MiniProgramMasking() {
    }

    static MiniProgramFacts mask(MiniProgramFacts f) {
        var d = f.declarations();
        var declarations = new io.permlab.model.miniprogram.AppDeclarations(d.file(), d.pages(), d.subPackages(),
                d.scopes().stream().map(s -> new ScopeDeclaration(s.scope(), EvidenceMasker.mask(s.desc()), mask(s.at()))).toList(),
                d.requiredPrivateInfos(), d.usePrivacyCheck(), d.usePrivacyCheckAt(), d.plugins(), d.globalComponents());
        return new MiniProgramFacts(f.appId(), f.packaging(), f.framework(), f.libVersion(), declarations, f.owners(),
                f.calls().stream().map(MiniProgramMasking::mask).toList(),
                f.wxmlHooks().stream().map(h -> new WxmlHook(h.owner(), h.element(), h.attribute(), EvidenceMasker.mask(h.value()), mask(h.at()))).toList(),
                f.endpoints().stream().map(e -> new Endpoint(EvidenceMasker.mask(e.url()), e.via(), mask(e.at()), e.owner())).toList(),
                f.coordinateRequirements().stream().map(r -> new CoordinateRequirement(mask(r.at()), r.owner(), r.function(),
                        r.fields(), r.sources(), r.eventEntries())).toList(),
                f.scriptsAnalysed(), f.unanalysedFiles(), f.packages(),
                f.secrets().stream().map(x -> new ExposedSecret(x.kind(), mask(x.location()), x.maskedValue())).toList());
    }

    private static ApiCall mask(ApiCall c) {
        Map<String, String> options = new LinkedHashMap<>();
        c.options().forEach((k, v) -> options.put(k, EvidenceMasker.mask(v)));
        return new ApiCall(c.id(), c.namespace(), c.api(), mask(c.at()), c.owner(), c.ownerKind(), c.function(),
                c.lifecycleEntries(), c.eventEntries(), c.parentId(), c.via(), options, c.inputsFrom());
    }

    private static CodeLocation mask(CodeLocation at) {
        return at == null ? null : new CodeLocation(at.file(), at.line(), at.column(), EvidenceMasker.mask(at.excerpt()));
    }
}
