package io.permlab.model.miniprogram;

/** A {@code permission} entry of app.json ("scope.userLocation") with the purpose text shown to the user; desc is null when absent. */
public record ScopeDeclaration(String scope, String desc, CodeLocation at) {
}
