package io.permlab.inspect.miniprogram;

import io.permlab.inspect.InspectionException;
import io.permlab.model.miniprogram.WxmlHook;

import java.util.ArrayList;
import java.util.List;

/**
 * A compiled package has no .wxml: WeChat compiles templates into page-frame.html and per-page .html/.js, where
 * attribute values survive as strings. The open-types that matter are found there by name; which element carries
 * them, and which handler a tap calls, is not recoverable from that form.
 */
final class CompiledMarkup {
    private CompiledMarkup() {
    }

    static List<WxmlHook> scan(MiniProgramFiles files, OwnerMap owners, Problems problems) {
        List<WxmlHook> hooks = new ArrayList<>();
        for (String path : files.paths()) {
            if (!path.endsWith(".html")) {
                continue;
            }
            try {
                SourceText text = new SourceText(files.shown(path), files.text(path, ScriptAnalysis.MAX_BYTES));
                String owner = owners.ownerOf(path).path();
                for (String openType : WxmlScanner.OPEN_TYPES) {
                    int at = text.text().indexOf(openType);
                    if (at >= 0) {
                        hooks.add(new WxmlHook(path.equals("page-frame.html") ? "app" : owner, "button", "open-type", openType, text.at(at)));
                    }
                }
            } catch (InspectionException e) {
                problems.add(e.file(), e.getMessage());
            }
        }
        return hooks;
    }
}
