package io.permlab.inspect.miniprogram;

import io.permlab.model.miniprogram.AppDeclarations;

import java.util.List;
import java.util.Map;

/**
 * app.json (or a compiled package's app-config.json) as read: the declarations, and the usingComponents a compiled
 * package keeps per page in its "page" map (page path → component name → path).
 */
record AppConfig(AppDeclarations declarations, Map<String, Map<String, String>> compiledPageComponents,
                 Map<String, String> globalComponents) {
    static final String SOURCE_FILE = "app.json";
    static final String COMPILED_FILE = "app-config.json";

    List<String> pages() {
        return declarations.allPages();
    }
}
