package io.permlab.model.miniprogram;

/** A plugin of app.json {@code plugins}: the alias the code uses, the provider's app id, the version. */
public record PluginDeclaration(String alias, String provider, String version, CodeLocation at) {
}
