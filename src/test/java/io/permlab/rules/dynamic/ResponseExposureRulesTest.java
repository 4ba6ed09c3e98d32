package io.permlab.rules.dynamic;

import io.permlab.model.Finding;
import io.permlab.model.dynamic.ResponseExposure;
import io.permlab.model.dynamic.Run;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.permlab.rules.dynamic.Runs.baseline;
import static io.permlab.rules.dynamic.Runs.exploration;
import static io.permlab.rules.dynamic.Runs.findings;
import static org.assertj.core.api.Assertions.assertThat;

/** The over-exposure rules over a run's ResponseExposure records: one finding per endpoint, HAR entry and screenshot as evidence. */
class ResponseExposureRulesTest {
    private static final String URL = "http://waimai.example:40123/data/nearby-orders.json";

    private static Run with(List<ResponseExposure> exposures) {
        return Runs.withExposures(baseline().build(), exposures);
    }

    private static ResponseExposure e(ResponseExposure.Kind kind, String type, String where, String value) {
        return new ResponseExposure("x1", 2, "GET", URL, "waimai.example", kind, type, where, value, "runs/t/step-02-checkpoint.png");
    }

    private final Run exposing = with(List.of(
            e(ResponseExposure.Kind.SHOWN_MASKED, "MOBILE_PHONE", "response $.data[0].phone", "138****5678"),
            e(ResponseExposure.Kind.OTHERS, "MOBILE_PHONE", "response $.data[1].phone", "139****4321"),
            e(ResponseExposure.Kind.OTHERS, "ADDRESS", "response $.data[1].address", "上海市黄浦区***")));

    @Test
    void overExposedResponseCitesTheResponseAndTheScreenshot() {
        List<Finding> f = findings(new PiOverexposedResponseRule(), exploration(exposing), null);
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.message().en()).contains("GET " + URL, "phone number", "(1 value: response $.data[0].phone=138****5678)",
                    "shows it only masked").doesNotContain("139****4321");
            assertThat(x.evidence()).extracting(p -> p.kind() + " " + p.file())
                    .containsExactly("network " + exposing.harFile(), "screenshot runs/t/step-02-checkpoint.png");
        });
        assertThat(findings(new PiOverexposedResponseRule(), exploration(with(List.of())), null)).isEmpty();
    }

    @Test
    void aValueThePageShowsMaskedAndOneItDoesNotShowAreToldApart() {
        Run both = with(List.of(
                e(ResponseExposure.Kind.SHOWN_MASKED, "MOBILE_PHONE", "response $.agent.phone", "138****5678"),
                e(ResponseExposure.Kind.NOT_SHOWN, "RESIDENT_ID", "response $.agent.idNo", "1101**********1234")));
        assertThat(findings(new PiOverexposedResponseRule(), exploration(both), null)).singleElement().satisfies(x -> {
            assertThat(x.message().en()).contains("while the page shows phone number only masked and does not show identity document number at all");
            assertThat(x.message().zh()).contains("而页面只以去标识化形式展示手机号码，并未展示身份证件号码");
        });
        Run hidden = with(List.of(e(ResponseExposure.Kind.NOT_SHOWN, "RESIDENT_ID", "response $.idNo", "1101**********1234")));
        assertThat(findings(new PiOverexposedResponseRule(), exploration(hidden), null)).singleElement()
                .satisfies(x -> assertThat(x.message().en()).contains("while the page does not show it at all"));
    }

    @Test
    void othersInResponseIsOneFindingPerEndpoint() {
        assertThat(findings(new PiOthersInResponseRule(), exploration(exposing), null)).singleElement()
                .satisfies(x -> assertThat(x.message().en()).contains("other people's phone number, delivery address", "2 values"));
        Run masked = with(List.of(e(ResponseExposure.Kind.SHOWN_MASKED, "MOBILE_PHONE", "response $.phone", "138****5678")));
        assertThat(findings(new PiOthersInResponseRule(), exploration(masked), null)).isEmpty();
    }
}
