package io.permlab.model.miniprogram;

/**
 * A credential shipped inside a mini-program's package: what kind ("wechat-app-secret", "tencent-map-key",
 * "amap-key", "baidu-ak"), where (the excerpt already masked), and the value masked to its first and last characters.
 * The full value is never kept: the finding needs only to show that it is there and where.
 */
public record ExposedSecret(String kind, CodeLocation location, String maskedValue) {
}
