package io.permlab.device.web;

import io.permlab.model.dynamic.RequestAnswer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The shim's outcome texts (permission-shim.js) are read into a typed answer once, where they enter. */
class PermissionAnswerTest {
    @Test
    void eachOutcomeTheShimWritesHasItsAnswer() {
        assertThat(PermissionObserver.answer("success")).isEqualTo(RequestAnswer.SUCCEEDED);
        assertThat(PermissionObserver.answer("success:granted")).isEqualTo(RequestAnswer.SUCCEEDED);
        assertThat(PermissionObserver.answer("success:accuracy=2000")).isEqualTo(RequestAnswer.SUCCEEDED);
        assertThat(PermissionObserver.answer("error")).isEqualTo(RequestAnswer.FAILED);
        assertThat(PermissionObserver.answer("error:1 User denied Geolocation")).isEqualTo(RequestAnswer.FAILED);
        assertThat(PermissionObserver.answer("error:denied")).isEqualTo(RequestAnswer.FAILED);
        assertThat(PermissionObserver.answer("pending")).isEqualTo(RequestAnswer.PENDING);
    }

    @Test
    void nothingOrAnUnknownTextIsUnknownNotARefusal() {
        assertThat(PermissionObserver.answer(null)).isEqualTo(RequestAnswer.UNKNOWN);
        assertThat(PermissionObserver.answer("")).isEqualTo(RequestAnswer.UNKNOWN);
        assertThat(PermissionObserver.answer("errorless")).isEqualTo(RequestAnswer.FAILED);
    }

    @Test
    void theAccuracyAPositionWasGivenWithIsReadAsANumber() {
        assertThat(PermissionObserver.accuracyMeters("success:accuracy=2000")).isEqualTo(2000);
        assertThat(PermissionObserver.accuracyMeters("success:accuracy=?")).isNull();
        assertThat(PermissionObserver.accuracyMeters("success:granted")).isNull();
        assertThat(PermissionObserver.accuracyMeters("error:1 User denied Geolocation")).isNull();
        assertThat(PermissionObserver.accuracyMeters(null)).isNull();
    }
}
