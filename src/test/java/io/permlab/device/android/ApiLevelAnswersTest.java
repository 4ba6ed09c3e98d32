package io.permlab.device.android;

import io.permlab.device.android.ApiLevelAnswers.RepeatedRefusal;
import org.junit.jupiter.api.Test;

import static io.permlab.device.android.PermissionDialogRecognizerTest.dialog;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each Android version's permission dialog can express, at the boundaries where AOSP changed it
 * (docs/android-devices.md, "What each Android version offers"): 23 runtime dialogs with a checkbox from the second
 * request, 29 the final "Deny & don't ask again" button, 30 one-time grants and no dialog after a second refusal,
 * 31 approximate location, 33 the notifications dialog.
 */
class ApiLevelAnswersTest {

    @Test
    void api22AsksNothingAtRunTime() {
        ApiLevelAnswers v = ApiLevelAnswers.of(22);
        assertThat(v.asksAtRuntime()).isFalse();
    }

    @Test
    void api23AsksAtRunTimeAndARefusingUserLeavesTheCheckboxUntickedSoTheAppMayAskAgain() {
        ApiLevelAnswers v = ApiLevelAnswers.of(23);
        assertThat(v.asksAtRuntime()).isTrue();
        assertThat(v.repeatedRefusal()).isEqualTo(RepeatedRefusal.CHECKBOX_LEFT_UNTICKED);
        assertThat(v.refusalIsFinal(2)).isFalse();
        assertThat(v.refusalIsFinal(5)).isFalse();
        assertThat(v.showsDialogAfter(3)).isTrue();
        assertThat(v.offersOneTime("CAMERA")).isFalse();
        assertThat(v.offersApproximateLocation()).isFalse();
        assertThat(v.hasDialogFor("CONTACTS")).isTrue();
        assertThat(v.hasDialogFor("ACTIVITY_RECOGNITION")).isFalse();
    }

    @Test
    void api28IsTheLastWithTheCheckbox() {
        assertThat(ApiLevelAnswers.of(28).repeatedRefusal()).isEqualTo(RepeatedRefusal.CHECKBOX_LEFT_UNTICKED);
        assertThat(ApiLevelAnswers.of(28).refusalIsFinal(2)).isFalse();
    }

    @Test
    void api29ReplacesTheSecondRequestsRefusalByAFinalOneAndHasNoOneTimeOrApproximateChoice() {
        ApiLevelAnswers v = ApiLevelAnswers.of(29);
        assertThat(v.repeatedRefusal()).isEqualTo(RepeatedRefusal.DENY_AND_DONT_ASK_AGAIN);
        assertThat(v.refusalIsFinal(1)).isFalse();
        assertThat(v.refusalIsFinal(2)).isTrue();
        assertThat(v.showsDialogAfter(1)).isTrue();
        assertThat(v.showsDialogAfter(2)).isFalse();
        assertThat(v.offersOneTime("LOCATION")).isFalse();
        assertThat(v.hasDialogFor("ACTIVITY_RECOGNITION")).isTrue();
        assertThat(v.cannotExpress(DialogPolicy.GRANT_APPROXIMATE, "LOCATION")).hasValueSatisfying(why ->
                assertThat(why).contains("cannot be expressed on this Android version", "API 29", "API 31"));
    }

    @Test
    void api30OffersOnlyThisTimeForLocationCameraAndMicrophoneAndStopsAskingAfterTheSecondRefusal() {
        ApiLevelAnswers v = ApiLevelAnswers.of(30);
        assertThat(v.offersOneTime("LOCATION")).isTrue();
        assertThat(v.offersOneTime("CAMERA")).isTrue();
        assertThat(v.offersOneTime("MICROPHONE")).isTrue();
        assertThat(v.offersOneTime("CONTACTS")).isFalse();
        assertThat(v.repeatedRefusal()).isEqualTo(RepeatedRefusal.SECOND_DENIAL_FINAL);
        assertThat(v.refusalIsFinal(1)).isFalse();
        assertThat(v.refusalIsFinal(2)).isTrue();
        assertThat(v.showsDialogAfter(2)).isFalse();
        assertThat(v.offersApproximateLocation()).isFalse();
        assertThat(v.cannotExpress(DialogPolicy.GRANT_APPROXIMATE, "LOCATION")).isPresent();
    }

    @Test
    void api31OffersApproximateLocationSoEveryPolicyCanBeExpressed() {
        ApiLevelAnswers v = ApiLevelAnswers.of(31);
        assertThat(v.offersApproximateLocation()).isTrue();
        assertThat(v.cannotExpress(DialogPolicy.GRANT_APPROXIMATE, "LOCATION")).isEmpty();
        assertThat(v.hasDialogFor("NEARBY_DEVICES")).isTrue();
        assertThat(v.hasDialogFor("NOTIFICATIONS")).isFalse();
    }

    @Test
    void api33HasTheNotificationsAndMediaDialogs() {
        ApiLevelAnswers v = ApiLevelAnswers.of(33);
        assertThat(v.hasDialogFor("NOTIFICATIONS")).isTrue();
        assertThat(v.hasDialogFor("PHOTOS_VIDEOS")).isTrue();
        assertThat(v.offersApproximateLocation()).isTrue();
        assertThat(v.refusalIsFinal(2)).isTrue();
        assertThat(ApiLevelAnswers.of(32).hasDialogFor("NOTIFICATIONS")).isFalse();
    }

    @Test
    void approximateConcernsLocationOnlyAndGrantingOrRefusingIsExpressibleEverywhere() {
        ApiLevelAnswers v = ApiLevelAnswers.of(23);
        assertThat(v.cannotExpress(DialogPolicy.GRANT_APPROXIMATE, "CAMERA")).isEmpty();
        assertThat(v.cannotExpress(DialogPolicy.DENY, "LOCATION")).isEmpty();
        assertThat(v.cannotExpress(DialogPolicy.GRANT, "LOCATION")).isEmpty();
    }

    @Test
    void anUnknownVersionClaimsNothingAndLeavesTheDialogToDecide() {
        ApiLevelAnswers v = ApiLevelAnswers.unknown();
        assertThat(v.asksAtRuntime()).isTrue();
        assertThat(v.refusalIsFinal(2)).isFalse();
        assertThat(v.repeatedRefusal()).isEqualTo(RepeatedRefusal.UNKNOWN);
        assertThat(v.cannotExpress(DialogPolicy.GRANT_APPROXIMATE, "LOCATION")).isEmpty();
    }

    @Test
    void theChooserOnAnAndroid10DeviceSaysTheApproximateRunCannotBeExpressedAndTapsNothing() {
        AnswerPlan plan = new DialogAnswerChooser(ApiLevelAnswers.of(29)).choose(dialog("api29-location.xml"), DialogPolicy.GRANT_APPROXIMATE);
        assertThat(plan.taps()).isEmpty();
        assertThat(plan.complete()).isFalse();
        assertThat(plan.note()).contains("cannot be expressed on this Android version (API 29)");
    }

    @Test
    void theChooserOnAnAndroid12DeviceTapsApproximate() {
        AnswerPlan plan = new DialogAnswerChooser(ApiLevelAnswers.of(31)).choose(dialog("api31-location-zh.xml"), DialogPolicy.GRANT_APPROXIMATE);
        assertThat(plan.taps()).extracting(OfferedChoice::choice).containsExactly(Choice.APPROXIMATE, Choice.ALLOW_FOREGROUND);
    }

    @Test
    void onAndroid9TheSecondRequestIsRefusedWithTheCheckboxLeftUnticked() {
        AnswerPlan plan = new DialogAnswerChooser(ApiLevelAnswers.of(28)).choose(dialog("api28-camera-second-request.xml"), DialogPolicy.DENY);
        assertThat(plan.taps()).extracting(OfferedChoice::choice).containsExactly(Choice.DENY);
    }

    @Test
    void onAndroid10TheSecondRequestsOnlyRefusalIsTheFinalOne() {
        AnswerPlan plan = new DialogAnswerChooser(ApiLevelAnswers.of(29)).choose(dialog("api29-location-second-request.xml"), DialogPolicy.DENY);
        assertThat(plan.taps()).extracting(OfferedChoice::choice).containsExactly(Choice.DENY_DONT_ASK_AGAIN);
    }
}
