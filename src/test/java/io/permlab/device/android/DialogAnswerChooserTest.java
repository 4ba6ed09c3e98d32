package io.permlab.device.android;

import org.junit.jupiter.api.Test;

import static io.permlab.device.android.Choice.ALLOW;
import static io.permlab.device.android.Choice.ALLOW_FOREGROUND;
import static io.permlab.device.android.Choice.APPROXIMATE;
import static io.permlab.device.android.Choice.DENY;
import static io.permlab.device.android.Choice.DENY_DONT_ASK_AGAIN;
import static io.permlab.device.android.Choice.DONT_ASK_AGAIN_TOGGLE;
import static io.permlab.device.android.Choice.PRECISE;
import static io.permlab.device.android.PermissionDialogRecognizerTest.dialog;
import static org.assertj.core.api.Assertions.assertThat;

class DialogAnswerChooserTest {
    private final DialogAnswerChooser chooser = new DialogAnswerChooser();

    private AnswerPlan plan(String fixture, DialogPolicy policy) {
        return chooser.choose(dialog(fixture), policy);
    }

    @Test
    void approximateOnAndroid12TapsTheCoarseRadioThenWhileUsing() {
        AnswerPlan plan = plan("api31-location-zh.xml", DialogPolicy.GRANT_APPROXIMATE);

        assertThat(plan.taps()).extracting(OfferedChoice::choice).containsExactly(APPROXIMATE, ALLOW_FOREGROUND);
        assertThat(plan.taps().get(0).locator().value())
                .isEqualTo("com.android.permissioncontroller:id/permission_location_accuracy_radio_coarse");
        assertThat(plan.complete()).isTrue();
    }

    @Test
    void grantKeepsAnAlreadySelectedPreciseRadioAndTapsWhileUsing() {
        assertThat(plan("api31-location-zh.xml", DialogPolicy.GRANT).taps()).extracting(OfferedChoice::choice)
                .containsExactly(ALLOW_FOREGROUND);
    }

    @Test
    void grantSelectsPreciseWhenApproximateIsPreselected() {
        String source = AndroidFixtures.read("dialogs/api31-location-zh.xml")
                .replace("text=\"确切位置\" resource-id=\"com.android.permissioncontroller:id/permission_location_accuracy_radio_fine\" checkable=\"true\" checked=\"true\"",
                        "text=\"确切位置\" resource-id=\"com.android.permissioncontroller:id/permission_location_accuracy_radio_fine\" checkable=\"true\" checked=\"false\"")
                .replace("text=\"大致位置\" resource-id=\"com.android.permissioncontroller:id/permission_location_accuracy_radio_coarse\" checkable=\"true\" checked=\"false\"",
                        "text=\"大致位置\" resource-id=\"com.android.permissioncontroller:id/permission_location_accuracy_radio_coarse\" checkable=\"true\" checked=\"true\"");
        var d = (DialogRecognition.PermissionDialog) new PermissionDialogRecognizer(DialogCatalogue.bundled())
                .recognize(source, PermissionDialogRecognizerTest.APP);

        assertThat(d.offered(APPROXIMATE).orElseThrow().selected()).isTrue();
        assertThat(chooser.choose(d, DialogPolicy.GRANT).taps()).extracting(OfferedChoice::choice)
                .containsExactly(PRECISE, ALLOW_FOREGROUND);
    }

    @Test
    void approximateIsNotOfferedBeforeAndroid12AndThePlanSaysSoInsteadOfGuessing() {
        AnswerPlan plan = plan("api29-location.xml", DialogPolicy.GRANT_APPROXIMATE);

        assertThat(plan.taps()).isEmpty();
        assertThat(plan.complete()).isFalse();
        assertThat(plan.note()).contains("approximate");
    }

    @Test
    void approximateMeansPlainGrantForAPermissionOtherThanLocation() {
        AnswerPlan plan = plan("api30-camera.xml", DialogPolicy.GRANT_APPROXIMATE);

        assertThat(plan.taps()).extracting(OfferedChoice::choice).containsExactly(ALLOW_FOREGROUND);
        assertThat(plan.complete()).isTrue();
    }

    @Test
    void grantOnAndroid10LocationPrefersWhileUsingOverAllTheTime() {
        assertThat(plan("api29-location.xml", DialogPolicy.GRANT).taps()).extracting(OfferedChoice::choice)
                .containsExactly(ALLOW_FOREGROUND);
        assertThat(plan("api33-notifications.xml", DialogPolicy.GRANT).taps()).extracting(OfferedChoice::choice)
                .containsExactly(ALLOW);
    }

    @Test
    void denyForeverOnAndroid6To9TicksDontAskAgainThenDenies() {
        AnswerPlan plan = plan("api28-camera-second-request.xml", DialogPolicy.DENY_FOREVER);

        assertThat(plan.taps()).extracting(OfferedChoice::choice).containsExactly(DONT_ASK_AGAIN_TOGGLE, DENY);
        assertThat(plan.complete()).isTrue();
    }

    @Test
    void denyForeverOnAFirstRequestDeniesAndSaysTheNextRequestMustBeRefusedToo() {
        AnswerPlan plan = plan("api23-location.xml", DialogPolicy.DENY_FOREVER);

        assertThat(plan.taps()).extracting(OfferedChoice::choice).containsExactly(DENY);
        assertThat(plan.complete()).isFalse();
        assertThat(plan.note()).contains("next request");
    }

    @Test
    void denyForeverUsesTheDontAskAgainButtonOfAndroid10AndTheSecondDenyOfAndroid11() {
        assertThat(plan("api29-location-second-request.xml", DialogPolicy.DENY_FOREVER).taps())
                .extracting(OfferedChoice::choice).containsExactly(DENY_DONT_ASK_AGAIN);
        AnswerPlan second = plan("api31-location-en-second-request.xml", DialogPolicy.DENY_FOREVER);
        assertThat(second.taps()).extracting(OfferedChoice::choice).containsExactly(DENY_DONT_ASK_AGAIN);
        assertThat(second.complete()).isTrue();
    }

    @Test
    void aPlainDenyOnASecondRequestIsTheDontAskAgainButtonAndThePlanSaysSo() {
        AnswerPlan plan = plan("api31-location-en-second-request.xml", DialogPolicy.DENY);

        assertThat(plan.taps()).extracting(OfferedChoice::choice).containsExactly(DENY_DONT_ASK_AGAIN);
        assertThat(plan.note()).contains("don't ask again");
    }

    @Test
    void oemSkinsAreAnsweredThroughTheirLabels() {
        AnswerPlan miui = plan("miui-location.xml", DialogPolicy.GRANT);
        assertThat(miui.taps()).extracting(OfferedChoice::label).containsExactly("仅在使用中允许");
        assertThat(plan("miui-location.xml", DialogPolicy.DENY).taps()).extracting(OfferedChoice::label).containsExactly("拒绝");
        assertThat(plan("coloros-camera.xml", DialogPolicy.DENY_FOREVER).taps()).extracting(OfferedChoice::label)
                .containsExactly("不再询问", "不允许");
    }
}
