package io.permlab.exercise;

import io.permlab.knowledge.KnowledgeBase;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PurposeDetectorTest {
    private final PurposeDetector detector = new PurposeDetector(KnowledgeBase.builtIn());

    @Test
    void aLineNamingTheSubjectAndAPurposeIsAPurpose() {
        assertThat(detector.purpose("geolocation", "新增收货地址\n我们将获取您的大致位置，仅用于填写收货地址\n保存"))
                .contains("我们将获取您的大致位置，仅用于填写收货地址");
        assertThat(detector.purpose("geolocation", "We use your location only to fill in the address.")).isPresent();
        assertThat(detector.purpose("camera", "扫码点餐：需要使用相机用于扫描桌上的二维码")).isPresent();
    }

    @Test
    void theSubjectAloneOrAPurposeAboutSomethingElseIsNot() {
        assertThat(detector.purpose("geolocation", "附近热门\n定位中…")).isEmpty();
        assertThat(detector.purpose("geolocation", "手机号仅用于联系收货人\n位置")).as("purpose and subject on different lines").isEmpty();
        assertThat(detector.purpose("camera", "我们将获取您的位置用于配送")).as("a location purpose does not explain the camera").isEmpty();
        assertThat(detector.purpose("geolocation", "")).isEmpty();
        assertThat(detector.purpose("unknown-permission", "位置用于配送")).isEmpty();
    }

    /** A WeChat authorization sheet: the title says what ("申请获取你的位置信息"), app.json's desc beneath it says why. */
    private static ObservedRequest sheet(String permission, String scope, String desc) {
        return new ObservedRequest(permission, "wx.getFuzzyLocation", Map.of("scope", scope, "sheet", "shown", "desc", desc),
                Instant.EPOCH, "miniprogram://t", "pages/home/home", true, "附近门店\n申请获取你的位置信息\n" + desc, "success", null, null);
    }

    @Test
    void aSheetsDescNamingTheUseIsThePurposeThoughItDoesNotRepeatTheSubject() {
        assertThat(detector.purpose(sheet("geolocation", "scope.userFuzzyLocation", "你点击“附近门店”时，用于查找离你最近的门店"),
                "附近门店\n申请获取你的模糊地理位置\n你点击“附近门店”时，用于查找离你最近的门店"))
                .contains("你点击“附近门店”时，用于查找离你最近的门店");
        assertThat(detector.purpose(sheet("microphone", "scope.record", "用于录制语音留言"), "申请使用你的麦克风\n用于录制语音留言"))
                .as("a scope without its own purpose words: a purpose marker").isPresent();
    }

    @Test
    void aSheetsVagueOrMissingDescIsNoPurpose() {
        assertThat(detector.purpose(sheet("geolocation", "scope.userLocation", "用于为您提供更好的服务"), "申请获取你的位置信息\n用于为您提供更好的服务"))
                .isEmpty();
        assertThat(detector.purpose(sheet("geolocation", "scope.userLocation", "(none in app.json)"), "申请获取你的位置信息")).isEmpty();
        assertThat(detector.purpose(sheet("microphone", "scope.record", "为了更好的服务"), "申请使用你的麦克风\n为了更好的服务")).isEmpty();
    }

    /**
     * The fuzzy and background location scopes name their uses as the precise one does: a delivery address's area, the
     * time a rider needs to reach you (the sheet itself already says "获取你的模糊地理位置"; the desc says what for).
     */
    @Test
    void fuzzyAndBackgroundDescsNamingADeliveryUseAreThePurpose() {
        assertThat(detector.purpose(sheet("geolocation", "scope.userFuzzyLocation", "用于确认你的收货地址所在区域"),
                "申请获取你的模糊地理位置\n用于确认你的收货地址所在区域")).contains("用于确认你的收货地址所在区域");
        assertThat(detector.purpose(sheet("geolocation", "scope.userLocationBackground", "离开小程序后继续用于计算骑手到达的时间"),
                "申请在后台获取你的位置信息\n离开小程序后继续用于计算骑手到达的时间")).contains("离开小程序后继续用于计算骑手到达的时间");
    }
}
