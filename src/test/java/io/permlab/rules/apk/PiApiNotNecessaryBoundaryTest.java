package io.permlab.rules.apk;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.KnowledgeSource;
import io.permlab.model.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads of PI that need no runtime permission (installed apps, Android ID, MAC), judged against the category. */
class PiApiNotNecessaryBoundaryTest {
    private static final String INSTALLED = "Landroid/content/pm/PackageManager;->getInstalledPackages(I)Ljava/util/List;";
    private static final String ANDROID_ID = "const-string \"android_id\"";
    private static final String MAC = "Ljava/net/NetworkInterface;->getHardwareAddress()[B";

    private static BuiltFacts installedApps() {
        return BuiltFacts.targetSdk(33).calls("installed_apps", "com.x.Stats.collect()", INSTALLED);
    }

    @Test
    void installedAppListNotNeededIsMedium() {
        List<Finding> findings = installedApps().run(new PiApiNotNecessaryRule(), "food_delivery");
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("APK-PI-API-NOT-NECESSARY");
            assertThat(f.severity().id()).isEqualTo("medium");
            assertThat(f.message().en()).contains("installed-app list").contains("food delivery");
            assertThat(f.evidence()).singleElement().satisfies(p -> {
                assertThat(p.symbol()).isEqualTo("com.x.Stats.collect()");
                assertThat(p.excerpt()).contains(INSTALLED);
            });
        });
    }

    @Test
    void queryAllPackagesIsEvidence() {
        List<Finding> findings = installedApps().uses("QUERY_ALL_PACKAGES").run(new PiApiNotNecessaryRule(), "food_delivery");
        assertThat(findings).singleElement().satisfies(f -> assertThat(f.evidence()).anySatisfy(p ->
                assertThat(p.excerpt()).isEqualTo("<uses-permission android:name=\"android.permission.QUERY_ALL_PACKAGES\"/>")));
    }

    @Test
    void silentWithoutCategory() {
        assertThat(installedApps().run(new PiApiNotNecessaryRule(), null)).isEmpty();
    }

    @Test
    void oneFindingPerPiKind() {
        List<Finding> findings = BuiltFacts.targetSdk(33).calls("android_id", "com.x.Ids.a()", ANDROID_ID)
                .calls("mac_address", "com.x.Ids.b()", MAC).run(new PiApiNotNecessaryRule(), "food_delivery");
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.message().en()).contains("device identifiers");
            assertThat(f.evidence()).extracting(p -> p.symbol()).containsExactly("com.x.Ids.a()", "com.x.Ids.b()");
        });
    }

    /**
     * READ_PHONE_STATE reaches device identifiers too (the IMEI), but Android ID and the MAC address are read without
     * it: its own finding does not name them, so their reads are reported here (they were dropped once the permission
     * was declared).
     */
    @Test
    void aReadNoPermissionGuardsIsReportedEvenWhenADeclaredPermissionReachesTheSameKind() {
        assertThat(BuiltFacts.targetSdk(33).uses("READ_PHONE_STATE").calls("android_id", "com.x.Ids.a()", ANDROID_ID)
                .run(new PiApiNotNecessaryRule(), "food_delivery")).singleElement()
                .satisfies(f -> assertThat(f.message().en()).contains("device identifiers"));
    }

    /** AndroidX and the support library read the clipboard when the user pastes from a menu: not the app reading it. */
    @Test
    void readsInsideAndroidXOrTheSupportLibraryAreNotTheApps() {
        String clip = "Landroid/content/ClipboardManager;->getPrimaryClip()Landroid/content/ClipData;";
        assertThat(BuiltFacts.targetSdk(33)
                .calls("clipboard_read", "androidx.appcompat.widget.AppCompatReceiveContentHelper.maybeHandleMenuActionViaPerformReceiveContent()", clip)
                .run(new PiApiNotNecessaryRule(), "food_delivery")).isEmpty();
        assertThat(BuiltFacts.targetSdk(33).calls("clipboard_read", "com.x.Share.onResume()", clip)
                .run(new PiApiNotNecessaryRule(), "food_delivery")).singleElement();
    }

    @Test
    void callsThatNeedAPermissionAreLeftToThePermissionRules() {
        assertThat(BuiltFacts.targetSdk(33).calls("device_imei", "com.x.Ids.a()", "Landroid/telephony/TelephonyManager;->getDeviceId()")
                .run(new PiApiNotNecessaryRule(), "food_delivery")).isEmpty();
    }

    @Test
    void categoryThatNeedsTheKindIsSilentAndConditionalIsInfo(@TempDir Path dir) throws IOException {
        String categories;
        try (InputStream in = KnowledgeBase.class.getResourceAsStream("/knowledge/categories.json")) {
            categories = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // food delivery (and online shopping, same list) need the installed-app list; utilities need it only in one service
        // (through QUERY_ALL_PACKAGES); news stays as it was
        String food = "\"necessaryPi\": [\"phone_number\", \"name\", \"delivery_address\", \"payment_info\"]";
        String utilities = "\"en\": \"calendar, weather, dictionary, calculator, torch, clock, file tools and similar\"},\n     \"necessaryPi\": [], \"justifiedPermissions\": []";
        assertThat(categories).contains(food).contains(utilities);
        categories = categories.replace(food, "\"necessaryPi\": [\"installed_apps\", \"phone_number\", \"name\", \"delivery_address\", \"payment_info\"]")
                .replace(utilities, utilities + ", \"conditionalPermissions\": [{\"permission\": \"android.permission.QUERY_ALL_PACKAGES\", "
                        + "\"when\": {\"zh\": \"清理应用\", \"en\": \"an app cleaner\"}}]");
        Files.writeString(dir.resolve("categories.json"), categories);
        KnowledgeBase kb = KnowledgeBase.load(KnowledgeSource.withOverrides(dir));
        assertThat(installedApps().run(new PiApiNotNecessaryRule(), kb, "food_delivery")).isEmpty();
        assertThat(installedApps().run(new PiApiNotNecessaryRule(), kb, "utilities")).singleElement().satisfies(f -> {
            assertThat(f.severity().id()).isEqualTo("info");
            assertThat(f.message().en()).contains("an app cleaner");
        });
        assertThat(installedApps().run(new PiApiNotNecessaryRule(), kb, "news")).singleElement()
                .satisfies(f -> assertThat(f.severity().id()).isEqualTo("medium"));
    }
}
