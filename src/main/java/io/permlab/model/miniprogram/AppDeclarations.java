package io.permlab.model.miniprogram;

import java.util.List;

/**
 * What app.json (app-config.json in a compiled package) declares: pages, subpackages, permission scopes with their
 * purpose text, requiredPrivateInfos, the privacy-check flag (null when absent), plugins and global components.
 */
public record AppDeclarations(String file, List<String> pages, List<SubPackage> subPackages,
                              List<ScopeDeclaration> scopes, List<PrivateInfoDeclaration> requiredPrivateInfos,
                              Boolean usePrivacyCheck, CodeLocation usePrivacyCheckAt, List<PluginDeclaration> plugins,
                              List<String> globalComponents) {
    public AppDeclarations {
        pages = List.copyOf(pages);
        subPackages = List.copyOf(subPackages);
        scopes = List.copyOf(scopes);
        requiredPrivateInfos = List.copyOf(requiredPrivateInfos);
        plugins = List.copyOf(plugins);
        globalComponents = List.copyOf(globalComponents);
    }

    public ScopeDeclaration scope(String name) {
        return scopes.stream().filter(s -> s.scope().equals(name)).findFirst().orElse(null);
    }

    public PrivateInfoDeclaration privateInfo(String api) {
        return requiredPrivateInfos.stream().filter(p -> p.api().equals(api)).findFirst().orElse(null);
    }

    /** Every page path, subpackage pages prefixed with their root. */
    public List<String> allPages() {
        List<String> all = new java.util.ArrayList<>(pages);
        for (SubPackage s : subPackages) {
            String root = s.root().endsWith("/") ? s.root() : s.root() + "/";
            s.pages().forEach(p -> all.add(root + p));
        }
        return all;
    }
}
