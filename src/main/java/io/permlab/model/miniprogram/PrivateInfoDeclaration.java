package io.permlab.model.miniprogram;

/** One API named in app.json {@code requiredPrivateInfos} ("getLocation"), where it is named. */
public record PrivateInfoDeclaration(String api, CodeLocation at) {
}
