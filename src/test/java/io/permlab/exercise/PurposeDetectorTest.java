package io.permlab.exercise;

import io.permlab.knowledge.KnowledgeBase;
import org.junit.jupiter.api.Test;

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
}
