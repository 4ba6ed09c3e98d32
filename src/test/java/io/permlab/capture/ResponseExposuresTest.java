package io.permlab.capture;

import io.permlab.model.dynamic.Persona;
import io.permlab.model.dynamic.ResponseExposure;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Responses compared with the page text. The bodies are shaped like the order lists of food-delivery H5 apps (a
 * {"code":0,"data":[…]} envelope, the common shape of Chinese mobile APIs); the page texts are what Selenium's
 * visible text returns for such a list.
 */
class ResponseExposuresTest {
    private static final Persona ME = new Persona("张三", "13812345678", "11010519491231002X", "人民大道200号 3楼",
            "zhangsan@example.com", null, null, null, null);
    private static final String LIST = "{\"code\":0,\"data\":["
            + "{\"receiver\":\"张三\",\"phone\":\"13812345678\",\"address\":\"上海市黄浦区人民大道200号 3楼\"},"
            + "{\"receiver\":\"李四\",\"phone\":\"13987654321\",\"address\":\"上海市黄浦区南京东路100号 12楼\"}]}";

    private static List<ResponseExposure> judge(Persona persona, String body, String page) {
        return new ResponseExposures(persona).of(Exchanges.get("http://waimai.example/data/orders.json")
                .response("application/json", body).build(), 2, "waimai.example", page, "runs/x/step-02-checkpoint.png");
    }

    @Test
    void fullValuesBehindAMaskedPageAndOthersValuesAreExposures() {
        List<ResponseExposure> found = judge(ME, LIST, "小笼包 — 张* 138****5678 上海市黄浦区***\n生煎 — 李* 139****4321 上海市黄浦区***");
        assertThat(found).extracting(e -> e.kind() + " " + e.type() + " " + e.where() + "=" + e.maskedValue()).containsExactlyInAnyOrder(
                "SHOWN_MASKED PERSON_NAME response $.data[0].receiver=张*",
                "SHOWN_MASKED MOBILE_PHONE response $.data[0].phone=138****5678",
                "SHOWN_MASKED ADDRESS response $.data[0].address=上海市黄浦区***",
                "OTHERS MOBILE_PHONE response $.data[1].phone=139****4321",
                "OTHERS ADDRESS response $.data[1].address=上海市黄浦区***");
        assertThat(found).allSatisfy(e -> assertThat(e.screenshot()).isEqualTo("runs/x/step-02-checkpoint.png"));
        assertThat(found.toString()).doesNotContain("13812345678", "13987654321", "南京东路100号");
    }

    @Test
    void valuesThePageShowsInFullAreNotExposures() {
        String page = "张三 13812345678 上海市黄浦区人民大道200号 3楼 李四 13987654321 上海市黄浦区南京东路100号 12楼";
        assertThat(judge(ME, LIST, page)).isEmpty();
    }

    @Test
    void aResponseMaskedOnTheServerIsClean() {
        String masked = "{\"data\":[{\"receiver\":\"张*\",\"phone\":\"138****5678\",\"address\":\"上海市黄浦区***\"}]}";
        assertThat(judge(ME, masked, "张* 138****5678 上海市黄浦区***")).isEmpty();
    }

    @Test
    void withoutAPersonaNothingIsSaidToBeSomeoneElses() {
        List<ResponseExposure> found = judge(null, LIST, "张* 138****5678 李* 139****4321");
        assertThat(found).extracting(ResponseExposure::kind).doesNotContain(ResponseExposure.Kind.OTHERS)
                .contains(ResponseExposure.Kind.SHOWN_MASKED, ResponseExposure.Kind.NOT_SHOWN);
    }

    @Test
    void anIdNumberThePageNeverShowsIsNotShown() {
        String body = "{\"user\":{\"idNumber\":\"11010519491231002X\"}}";
        assertThat(judge(ME, body, "我的订单")).singleElement()
                .satisfies(e -> assertThat(e.kind() + " " + e.type()).isEqualTo("NOT_SHOWN RESIDENT_ID"));
    }

    @Test
    void maskedFormsMustFitTheValue() {
        assertThat(ResponseExposures.shownMasked("13812345678", "138****5678")).isTrue();
        assertThat(ResponseExposures.shownMasked("13812345678", "电话：138****5678。")).isTrue();
        assertThat(ResponseExposures.shownMasked("13812345678", "****5678")).as("last four only").isTrue();
        assertThat(ResponseExposures.shownMasked("13812345678", "139****4321")).as("another number").isFalse();
        assertThat(ResponseExposures.shownMasked("13812345678", "no stars at all 13812345678")).isFalse();
        assertThat(ResponseExposures.shownMasked("张三", "张*")).as("a two-character name").isTrue();
        assertThat(ResponseExposures.shownMasked("11010519491231002X", "1101**********002x")).as("case of the check letter").isTrue();
        assertThat(ResponseExposures.shownMasked("13812345678", "***")).as("stars next to nothing of the value").isFalse();
    }

    @Test
    void bodiesThatAreNotJsonOrPagesNotReadAreNotJudged() {
        assertThat(new ResponseExposures(ME).of(Exchanges.get("http://waimai.example/orders.html")
                .response("text/html", "<li>13987654321</li>").build(), 1, "waimai.example", "", null)).isEmpty();
        assertThat(judge(ME, LIST, null)).isEmpty();
    }
}
