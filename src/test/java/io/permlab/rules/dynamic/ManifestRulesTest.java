package io.permlab.rules.dynamic;

import io.permlab.model.Finding;
import io.permlab.rules.android.DeclaredNotPromptedRule;
import io.permlab.rules.android.PromptedNotDeclaredRule;
import io.permlab.model.android.DeviceRunFacts;
import io.permlab.model.apk.ApkFacts;
import io.permlab.model.dynamic.Run;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.permlab.rules.dynamic.AndroidEvidence.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The manifest joined with the runs' dialogs: declared but never asked for, asked for but not declared. */
class ManifestRulesTest {
    private static final String FINE = "android.permission.ACCESS_FINE_LOCATION";
    private static final String COARSE = "android.permission.ACCESS_COARSE_LOCATION";
    private static final String PHONE = "android.permission.READ_PHONE_STATE";
    private static final String CONTACTS = "android.permission.READ_CONTACTS";

    private static Map<Run, DeviceRunFacts> at(int api, Run... runs) {
        Map<Run, DeviceRunFacts> m = new LinkedHashMap<>();
        for (Run r : runs) {
            m.put(r, facts(api, List.of(), List.of(), inFront()));
        }
        return m;
    }

    @Nested
    class DeclaredNotPrompted {
        private final Run base = baseline().ask(granted("geolocation", "LOCATION", 2)).build();
        private final Run denied = denied("geolocation").failed().ask(refused("geolocation", "LOCATION", 2)).build();

        private List<Finding> check(ApkFacts apk, int api, Run... runs) {
            return findings(new DeclaredNotPromptedRule(), "餐饮外卖", apk, exploration(runs), device(at(api, runs)));
        }

        @Test
        void eachDeclaredGroupNoRunAskedForIsReportedOnce() {
            List<Finding> f = check(manifest(PKG, 33, FINE, COARSE, PHONE, CONTACTS, "android.permission.WRITE_CONTACTS",
                    "android.permission.INTERNET"), 33, base, denied);
            assertThat(f).extracting(x -> x.ruleId()).containsOnly("AND-DECLARED-NOT-PROMPTED");
            assertThat(f).extracting(x -> x.message().en()).containsExactlyInAnyOrder(
                    "The manifest declares android.permission.READ_PHONE_STATE (PHONE group), but in the functions explored (新增收货地址; 2 runs) the app never brought up a system dialog for it: no known function uses these permissions.",
                    "The manifest declares android.permission.READ_CONTACTS, android.permission.WRITE_CONTACTS (CONTACTS group), but in the functions explored (新增收货地址; 2 runs) the app never brought up a system dialog for it: no known function uses these permissions.");
        }

        @Test
        void permissionsTheDeviceCannotAskForInADialogAreLeftOut() {
            // background location is granted in Settings only from Android 11; notifications are asked for from Android 13
            assertThat(check(manifest(PKG, 33, FINE, COARSE, "android.permission.ACCESS_BACKGROUND_LOCATION",
                    "android.permission.POST_NOTIFICATIONS"), 32, base, denied)).isEmpty();
            assertThat(check(manifest(PKG, 33, FINE, "android.permission.POST_NOTIFICATIONS"), 33, base, denied))
                    .singleElement().satisfies(x -> assertThat(x.message().en()).contains("NOTIFICATIONS group"));
        }

        @Test
        void anInconclusiveExplorationJudgesNothingUnlessItsRetryRanItsCourse() {
            Run cut = denied("geolocation").inconclusive("the session was lost").build();
            assertThat(check(manifest(PKG, 33, FINE, PHONE), 33, base, cut)).isEmpty();
            Run retry = denied("geolocation").retryOf(cut.id()).failed().ask(refused("geolocation", "LOCATION", 2)).build();
            assertThat(check(manifest(PKG, 33, FINE, PHONE), 33, base, cut, retry)).singleElement()
                    .satisfies(x -> assertThat(x.message().en()).contains("READ_PHONE_STATE"));
        }

        @Test
        void aLegacyAppAnotherPackageOrRunsWithoutDeviceFactsAreNotJudged() {
            assertThat(check(manifest(PKG, 22, FINE, PHONE), 33, base, denied)).isEmpty();
            assertThat(check(manifest("com.other.app", 33, FINE, PHONE), 33, base, denied)).isEmpty();
            Map<Run, DeviceRunFacts> onlyBaseline = at(33, base);
            assertThat(findings(new DeclaredNotPromptedRule(), "餐饮外卖", manifest(PKG, 33, FINE, PHONE), exploration(base, denied),
                    device(onlyBaseline))).isEmpty();
        }
    }

    @Nested
    class PromptedNotDeclared {
        private List<Finding> check(ApkFacts apk, Run... runs) {
            return findings(new PromptedNotDeclaredRule(), "餐饮外卖", apk, exploration(runs), device(at(33, runs)));
        }

        @Test
        void aDialogForAGroupTheManifestDoesNotDeclareIsReportedOncePerGroup() {
            Run base = baseline().ask(granted("geolocation", "LOCATION", 2), granted("camera", "CAMERA", 3)).build();
            Run again = denied("geolocation").ask(refused("geolocation", "LOCATION", 2), granted("camera", "CAMERA", 3)).build();
            assertThat(check(manifest(PKG, 33, FINE, COARSE), base, again)).singleElement().satisfies(x -> {
                assertThat(x.ruleId()).isEqualTo("AND-PROMPTED-NOT-DECLARED");
                assertThat(x.message().en()).contains("CAMERA group", "declared: " + FINE + ", " + COARSE, "add-address-grant");
            });
        }

        @Test
        void aDeclaredGroupIsNotReportedWhicheverOfItsPermissionsIsDeclared() {
            Run base = baseline().ask(granted("android:contacts", "CONTACTS", 2)).build();
            assertThat(check(manifest(PKG, 33, "android.permission.GET_ACCOUNTS"), base)).isEmpty();
        }

        @Test
        void theDialogsGroupNameIsReadAsTheCatalogueNamesIt() {
            // permission-dialogs.json says PHOTOS_VIDEOS where android-permissions.json says READ_MEDIA_VISUAL
            Run base = baseline().ask(granted("android:photos_videos", "PHOTOS_VIDEOS", 2)).build();
            assertThat(check(manifest(PKG, 33, "android.permission.READ_MEDIA_IMAGES"), base)).isEmpty();
            assertThat(check(manifest(PKG, 33, FINE), base)).singleElement()
                    .satisfies(x -> assertThat(x.message().en()).contains("READ_MEDIA_VISUAL group"));
        }

        @Test
        void inconclusiveRunsUnknownGroupsAndAnotherPackageAreNotJudged() {
            Run cut = baseline().inconclusive("the session was lost").ask(granted("camera", "CAMERA", 2)).build();
            assertThat(check(manifest(PKG, 33, FINE), cut)).isEmpty();
            Run unknown = baseline().ask(granted("android:unknown", "", 2)).build();
            assertThat(check(manifest(PKG, 33, FINE), unknown)).isEmpty();
            Run camera = baseline().ask(granted("camera", "CAMERA", 2)).build();
            assertThat(check(manifest("com.other.app", 33, FINE), camera)).isEmpty();
        }
    }
}
