package io.permlab.model.miniprogram;

import java.util.List;

/**
 * A unit of the mini-program that code belongs to: the app itself, a page, a component, or a plain script module.
 * {@code path} has no extension ("pages/address/address"); {@code subPackage} is the subpackage root or null;
 * {@code components} are the paths of the components it uses (usingComponents), resolved where possible.
 */
public record Owner(String path, Kind kind, String subPackage, List<String> components) {
    public Owner {
        components = List.copyOf(components);
    }

    public enum Kind {
        APP, PAGE, COMPONENT, SCRIPT;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
