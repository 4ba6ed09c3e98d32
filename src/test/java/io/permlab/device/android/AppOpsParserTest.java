package io.permlab.device.android;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppOpsParserTest {
    private static final Instant CAPTURED = Instant.parse("2022-03-29T23:27:54.087Z");
    private final AppOpsParser parser = new AppOpsParser();

    private AppOps get(String fixture) {
        return parser.parseGet(AndroidFixtures.read("appops/" + fixture), "io.permlab.sample.delivery", CAPTURED);
    }

    private AppOps dump(String pkg) {
        return parser.parseDump(AndroidFixtures.read("appops/dumpsys-appops-api30-samsung.txt"), pkg, CAPTURED);
    }

    @Test
    void readsModesTimesAndDurationsOfAppopsGet() {
        AppOps ops = get("appops-get-api33.txt");

        assertThat(ops.format()).isEqualTo(AppOps.Format.APPOPS_GET);
        AppOp audio = ops.op("RECORD_AUDIO").orElseThrow();
        assertThat(audio.mode()).isEqualTo(OpMode.ALLOW);
        assertThat(audio.accesses()).singleElement().satisfies(a -> {
            assertThat(a.ago()).isEqualTo(Duration.ofMinutes(9).plusSeconds(43).plusMillis(53));
            assertThat(a.at()).isEqualTo(CAPTURED.minus(a.ago()));
            assertThat(a.duration()).isEqualTo(Duration.ofSeconds(22).plusMillis(135));
            assertThat(a.uidState()).isEqualTo(UidState.UNKNOWN);
        });
        assertThat(audio.rejects()).singleElement().extracting(OpEvent::ago)
                .isEqualTo(Duration.ofHours(2).plusMinutes(5).plusSeconds(42).plusMillis(780));
        assertThat(ops.op("CAMERA").orElseThrow().accesses().get(0).ago())
                .isEqualTo(Duration.ofDays(1).plusHours(2).plusMinutes(3).plusSeconds(4).plusMillis(5));
        assertThat(ops.op("SYSTEM_ALERT_WINDOW").orElseThrow().running()).isTrue();
        AppOp contacts = ops.op("READ_CONTACTS").orElseThrow();
        assertThat(contacts.mode()).isEqualTo(OpMode.IGNORE);
        assertThat(contacts.accesses()).isEmpty();
        assertThat(contacts.rejects()).hasSize(1);
        assertThat(ops.op("MANAGE_EXTERNAL_STORAGE").orElseThrow().mode()).isEqualTo(OpMode.DEFAULT);
    }

    @Test
    void uidModesIncludeTheSecondUidLineThatAospPrintsWithoutPrefix() {
        AppOps ops = get("appops-get-api33.txt");

        assertThat(ops.uidModes()).containsEntry("COARSE_LOCATION", OpMode.FOREGROUND)
                .containsEntry("FINE_LOCATION", OpMode.FOREGROUND).hasSize(2);
        assertThat(ops.op("FINE_LOCATION").orElseThrow().mode()).as("the package-level line").isEqualTo(OpMode.ALLOW);
        assertThat(ops.op("FINE_LOCATION").orElseThrow().accesses()).hasSize(1);
    }

    @Test
    void appopsGetCannotTellBackgroundUseAndSaysSo() {
        AppOps ops = get("appops-get-api33.txt");

        assertThat(ops.usedInBackground("FINE_LOCATION")).isEqualTo(AppOps.BackgroundUse.UNKNOWN);
        assertThat(ops.usedInBackground("READ_CONTACTS")).as("rejected, never accessed").isEqualTo(AppOps.BackgroundUse.NO);
        assertThat(ops.usedInBackground("BODY_SENSORS")).as("no entry at all").isEqualTo(AppOps.BackgroundUse.NO);
    }

    @Test
    void usedSinceComparesAccessTimesWithTheMomentGiven() {
        AppOps ops = get("appops-get-api33.txt");
        Instant fifteenMinutesAgo = CAPTURED.minus(Duration.ofMinutes(15));

        assertThat(ops.usedSince(fifteenMinutesAgo)).containsExactly("COARSE_LOCATION", "FINE_LOCATION", "RECORD_AUDIO",
                "SYSTEM_ALERT_WINDOW", "WAKE_LOCK");
        assertThat(ops.usedSince("CAMERA", fifteenMinutesAgo)).isFalse();
        assertThat(ops.usedSince("CAMERA", CAPTURED.minus(Duration.ofDays(2)))).isTrue();
    }

    @Test
    void readsTheAndroid9FormatAndAnEmptyAnswer() {
        AppOps p = get("appops-get-api28.txt");
        assertThat(p.ops().keySet()).containsExactly("COARSE_LOCATION", "FINE_LOCATION", "READ_PHONE_STATE", "CAMERA", "WAKE_LOCK");
        assertThat(p.op("CAMERA").orElseThrow().accesses().get(0).ago()).isEqualTo(Duration.ofDays(2).plusHours(4).plusMinutes(5));
        assertThat(p.op("CAMERA").orElseThrow().accesses().get(0).duration()).isEqualTo(Duration.ofSeconds(8));
        assertThat(p.uidModes()).isEmpty();

        assertThat(get("appops-get-none.txt").ops()).isEmpty();
    }

    @Test
    void readsAVendorOpNamedWithItsCode() {
        // Recorded on a Xiaomi Pad 7 (HyperOS), quoted in a public repository's test.
        AppOps ops = parser.parseGet("MIUIOP(10008): ignore; time=+1h2m12s943ms ago; rejectTime=+1m33s184ms ago\n",
                "io.permlab.sample.delivery", CAPTURED);

        AppOp miui = ops.op("MIUIOP(10008)").orElseThrow();
        assertThat(miui.mode()).isEqualTo(OpMode.IGNORE);
        assertThat(miui.rejects().get(0).ago()).isEqualTo(Duration.ofMinutes(1).plusSeconds(33).plusMillis(184));
    }

    @Test
    void dumpsysAppopsGivesTheUidStateOfEachAccess() {
        AppOps fb = dump("com.facebook.katana");

        assertThat(fb.format()).isEqualTo(AppOps.Format.DUMPSYS_APPOPS);
        assertThat(fb.uidModes()).containsEntry("COARSE_LOCATION", OpMode.IGNORE).containsEntry("LEGACY_STORAGE", OpMode.ALLOW);
        assertThat(fb.ops().keySet()).containsExactly("READ_CONTACTS", "WRITE_SMS", "WAKE_LOCK", "TOAST_WINDOW",
                "READ_PHONE_STATE", "READ_EXTERNAL_STORAGE", "WRITE_EXTERNAL_STORAGE", "READ_DEVICE_IDENTIFIERS");
        OpEvent contacts = fb.op("READ_CONTACTS").orElseThrow().accesses().get(0);
        assertThat(contacts.uidState()).isEqualTo(UidState.BACKGROUND);
        assertThat(contacts.flags()).isEqualTo("tpd");
        assertThat(fb.usedInBackground("READ_CONTACTS")).isEqualTo(AppOps.BackgroundUse.YES);
        assertThat(fb.usedInBackground("TOAST_WINDOW")).isEqualTo(AppOps.BackgroundUse.NO);
        AppOp sms = fb.op("WRITE_SMS").orElseThrow();
        assertThat(sms.mode()).isEqualTo(OpMode.IGNORE);
        assertThat(sms.rejects()).extracting(OpEvent::uidState)
                .containsExactly(UidState.FOREGROUND, UidState.BACKGROUND, UidState.CACHED);
        assertThat(fb.op("WAKE_LOCK").orElseThrow().accesses().get(1).duration()).isEqualTo(Duration.ofMillis(33));
        assertThat(fb.usedSince(CAPTURED.minus(Duration.ofHours(5)))).containsExactly("WAKE_LOCK", "READ_PHONE_STATE");
    }

    @Test
    void android12AttributionTagsProxiesSwitchesAndRunningOpsAreRead() {
        AppOps gms = parser.parseDump(AndroidFixtures.read("appops/dumpsys-appops-api31-attribution.txt"),
                "com.google.android.gms", CAPTURED);

        assertThat(gms.uidModes()).containsEntry("COARSE_LOCATION", OpMode.FOREGROUND);
        AppOp contacts = gms.op("READ_CONTACTS").orElseThrow();
        assertThat(contacts.accesses()).as("every attribution tag's accesses").hasSize(6);
        assertThat(contacts.accesses()).extracting(OpEvent::flags).contains("s", "tp", "tpd");
        assertThat(gms.usedInBackground("READ_CONTACTS")).isEqualTo(AppOps.BackgroundUse.YES);
        assertThat(gms.op("MANAGE_EXTERNAL_STORAGE").orElseThrow().mode()).isEqualTo(OpMode.DEFAULT);
        assertThat(gms.op("MANAGE_EXTERNAL_STORAGE").orElseThrow().rejects()).hasSize(2);
        AppOp monitor = gms.op("MONITOR_LOCATION").orElseThrow();
        assertThat(monitor.mode()).isEqualTo(OpMode.ALLOW);
        assertThat(monitor.running()).isTrue();
        assertThat(monitor.accesses()).singleElement().extracting(OpEvent::uidState).isEqualTo(UidState.TOP);
        assertThat(gms.usedInBackground("MONITOR_LOCATION")).isEqualTo(AppOps.BackgroundUse.NO);
    }

    @Test
    void aPersistentProcessIsNotBackgroundUse() {
        AppOps camera = dump("com.sec.factory.camera");

        assertThat(camera.op("RUN_IN_BACKGROUND").orElseThrow().accesses()).singleElement()
                .extracting(OpEvent::uidState).isEqualTo(UidState.PERSISTENT);
        assertThat(camera.usedInBackground("RUN_IN_BACKGROUND")).isEqualTo(AppOps.BackgroundUse.NO);
        assertThat(camera.uidModes()).containsEntry("LEGACY_STORAGE", OpMode.ALLOW);
    }

    @Test
    void anAbsentPackageOrAGarbledLineIsAnErrorNamingIt() {
        assertThatThrownBy(() -> dump("com.example.absent")).isInstanceOf(DeviceOutputException.class)
                .hasMessageContaining("com.example.absent");
        String garbled = AndroidFixtures.read("appops/appops-get-api33.txt").replace("CAMERA: allow;", "CAMERA allow;");
        assertThatThrownBy(() -> parser.parseGet(garbled, "io.permlab.sample.delivery", CAPTURED))
                .isInstanceOf(DeviceOutputException.class).hasMessageContaining("line 6").hasMessageContaining("CAMERA allow;");
        assertThatThrownBy(() -> parser.parseGet("Error: Unknown package: io.permlab.gone\n", "io.permlab.gone", CAPTURED))
                .isInstanceOf(DeviceOutputException.class).hasMessageContaining("Unknown package");
    }
}
