package io.permlab.device.miniprogram;

import io.permlab.model.dynamic.RunPolicy;

import java.util.List;
import java.util.Map;

/**
 * WeChat scopes and the permission ids the exploration and the rules know (knowledge/web-permissions.json): location
 * scopes are "geolocation", the camera and recording scopes "camera" and "microphone"; a scope with no such
 * counterpart keeps its own name. Also the words WeChat's sheet shows for each scope.
 */
final class Scopes {
    private static final Map<String, String> PERMISSION = Map.of(
            "scope.userLocation", "geolocation",
            "scope.userFuzzyLocation", "geolocation",
            "scope.userLocationBackground", "geolocation",
            "scope.camera", "camera",
            "scope.record", "microphone",
            "scope.bluetooth", "bluetooth");

    private static final Map<String, String> SHEET = Map.ofEntries(
            Map.entry("scope.userLocation", "获取你的位置信息"),
            Map.entry("scope.userFuzzyLocation", "获取你的模糊地理位置"),
            Map.entry("scope.userLocationBackground", "在后台获取你的位置信息"),
            Map.entry("scope.camera", "使用你的摄像头"),
            Map.entry("scope.record", "使用你的麦克风"),
            Map.entry("scope.bluetooth", "使用你的蓝牙"),
            Map.entry("scope.writePhotosAlbum", "保存图片或视频到你的相册"),
            Map.entry("scope.werun", "获取你的微信运动步数"),
            Map.entry("scope.addPhoneContact", "添加到你的手机通讯录"),
            Map.entry("scope.addPhoneCalendar", "添加到你的手机日历"),
            Map.entry("phoneNumber", "获取你的手机号码"));

    private Scopes() {
    }

    /**
     * Whether a permission id stands for WeChat scopes a user refuses on their sheet: the location, camera, record and
     * Bluetooth scopes under their permission names, and every other scope under its own name (scope.werun …).
     */
    static boolean refusable(String permission) {
        return permission != null && (PERMISSION.containsValue(permission) || permission.startsWith("scope."));
    }

    static String permission(String scope) {
        return PERMISSION.getOrDefault(scope, scope);
    }

    /** The words of WeChat's sheet for a scope: "申请获取你的位置信息" and the program's stated purpose. */
    static String sheetText(String scope, String desc) {
        return "申请" + SHEET.getOrDefault(scope, "使用 " + scope) + (desc == null ? "" : "\n" + desc);
    }

    /** The scopes a run refuses: every scope that maps to the refused permission (all location scopes for geolocation). */
    static List<String> refused(RunPolicy policy) {
        if (policy.kind() != RunPolicy.Kind.DENY || policy.permission() == null) {
            return List.of();
        }
        List<String> out = PERMISSION.entrySet().stream().filter(e -> e.getValue().equals(policy.permission()))
                .map(Map.Entry::getKey).sorted().toList();
        return out.isEmpty() ? List.of(policy.permission()) : out;
    }
}
