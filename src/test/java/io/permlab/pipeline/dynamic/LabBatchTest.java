package io.permlab.pipeline.dynamic;

import io.permlab.device.android.DialogKnowledge;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.appium.java_client.android.options.UiAutomator2Options;
import io.permlab.device.adb.AdbException;
import io.permlab.device.adb.AdbShell;
import io.permlab.device.adb.AttachedDevice;
import io.permlab.device.lab.Lab;
import io.permlab.device.lab.LabDevice;
import io.permlab.device.lab.LabException;
import io.permlab.device.lab.LabProfile;
import io.permlab.device.uiautomator.AndroidProfile;
import io.permlab.device.uiautomator.DeviceDriver;
import io.permlab.device.uiautomator.DeviceLink;
import io.permlab.device.uiautomator.ScriptedDevice;
import io.permlab.exercise.Ceilings;
import io.permlab.exercise.FlowRunner;
import io.permlab.exercise.SessionException;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.ProcessingError;
import io.permlab.model.TargetResult;
import io.permlab.model.dynamic.Exploration;
import io.permlab.pipeline.BatchListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static io.permlab.device.uiautomator.ScriptedDevice.fixture;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spreading APK targets over a device lab: several devices at once, one exploration per free device, a device lost
 * mid-run and the target retried once elsewhere. The lab's API and its devices are a SCRIPTED DOUBLE AT THE
 * Appium/adb BOUNDARY ONLY ({@link ScriptedLab}: each phone a {@link ScriptedDevice} with recorded page sources and
 * dumpsys outputs) — no device exists on this machine. Allocation, reset, flows, dialogs, rules and the retry run for
 * real. The real lab protocols are read in {@code LabApiTest} (recorded answers) and {@code LabGridTest} (a real Grid).
 */
class LabBatchTest {
    private static final String DIALOG = "com.android.permissioncontroller:id/";
    private static final String GRANTED_PRECISE = fixture("dumpsys-package/api33-fresh.txt")
            .replace("ACCESS_FINE_LOCATION: granted=false, flags=[ ", "ACCESS_FINE_LOCATION: granted=true, flags=[ USER_SET|")
            .replace("ACCESS_COARSE_LOCATION: granted=false, flags=[ ", "ACCESS_COARSE_LOCATION: granted=true, flags=[ USER_SET|");

    @TempDir
    Path tmp;
    private final List<Path> targets = new ArrayList<>();
    private Path out;

    @BeforeEach
    void fiveTargets() throws IOException {
        for (int i = 1; i <= 5; i++) {
            targets.add(DeliveryOnADevice.target(tmp, "delivery-" + i, "delivery " + i, DeliveryOnADevice.FIXTURES_PACKAGE));
        }
        out = tmp.resolve("out");
    }

    /** A phone of the lab running the founding case: the address works only with precise location. */
    private static ScriptedDevice phone() {
        boolean[] coarse = new boolean[1];
        return new ScriptedDevice("33", fixture("dumpsys-package/api33-fresh.txt"))
                .home(fixture("screens/app-home.xml"))
                .appOps(fixture("appops/appops-get-api33.txt"))
                .onTap("新增收货地址", d -> {
                    coarse[0] = false;
                    d.show(fixture("dialogs/api31-location-zh.xml"));
                })
                .onTap(DIALOG + "permission_location_accuracy_radio_coarse", d -> coarse[0] = true)
                .onTap(DIALOG + "permission_allow_foreground_only_button", d -> {
                    d.packageState(coarse[0] ? fixture("dumpsys-package/api33-location-approximate.txt") : GRANTED_PRECISE);
                    d.show(fixture(coarse[0] ? "screens/app-address-blocked.xml" : "screens/app-address-saved.xml"));
                })
                .onTap(DIALOG + "permission_deny_button", d -> {
                    d.packageState(fixture("dumpsys-package/api33-location-denied.txt"));
                    d.show(fixture("screens/app-address-blocked.xml"));
                });
    }

    private static LabProfile profile() {
        return new LabProfile("lab", LabProfile.Via.DEVICE_FARM, url(),
                new AndroidProfile("lab", null, null, null, null, null, 0, Map.of(), Ceilings.DEFAULTS));
    }

    private static URL url() {
        try {
            return URI.create("http://lab.invalid:4723").toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<TargetResult> run(ScriptedLab lab) {
        LabBatch batch = new LabBatch(KnowledgeBase.builtIn(), DialogKnowledge.builtIn(), profile(), lab, new FlowRunner.Options(true, 0), true, tmp, u -> lab.link());
        return batch.run(List.of(tmp.resolve("apps")), null, out, "test", BatchListener.NONE).targets();
    }

    private JsonObject allocation() throws IOException {
        return JsonParser.parseString(Files.readString(out.resolve(LabBatch.ALLOCATION_FILE))).getAsJsonObject();
    }

    @Test
    void twoDevicesShareFiveTargetsAndALostDevicesTargetIsRetriedOnTheOther() throws IOException {
        ScriptedLab lab = new ScriptedLab().add("LAB-A", phone()).add("LAB-B", phone()).loseOnSession("LAB-B", 2);

        List<TargetResult> results = run(lab);

        assertThat(results).hasSize(5);
        for (TargetResult r : results) {
            assertThat(r.errors()).as(r.target().id()).isEmpty();
            // judged on a device: the founding case's headline finding is there for every copy
            assertThat(r.findings()).as(r.target().id()).extracting(f -> f.ruleId()).contains("DYN-PRECISE-LOCATION-MANDATORY");
            assertThat(r.evidence().section(Exploration.class).orElseThrow().session()).contains("LAB-A");
        }
        // both devices took a target at once; B was lost in its first one, so A ran all five, one of them again
        assertThat(lab.sessionsOn("LAB-B")).isEqualTo(2);
        JsonObject allocation = allocation();
        assertThat(allocation.getAsJsonObject("lost").keySet()).containsExactly("LAB-B");
        List<String> runs = new ArrayList<>();
        allocation.getAsJsonArray("runs").forEach(e -> runs.add(e.getAsJsonObject().get("device").getAsString() + " "
                + e.getAsJsonObject().get("outcome").getAsString()));
        assertThat(runs).filteredOn(s -> s.startsWith("LAB-B")).singleElement().asString().startsWith("LAB-B inconclusive: device LAB-B lost mid-run");
        assertThat(runs).filteredOn(s -> s.startsWith("LAB-A")).hasSize(5);
        assertThat(runs).filteredOn(s -> s.contains("done after device LAB-B lost")).hasSize(1);
    }

    @Test
    void theLastDeviceLostLeavesEveryTargetStillWaitingWithWhyAndTheBatchEnds() {
        ScriptedLab lab = new ScriptedLab().add("LAB-A", phone()).add("LAB-B", phone())
                .loseOnSession("LAB-A", 2).loseOnSession("LAB-B", 2);

        List<TargetResult> results = run(lab);

        assertThat(results).hasSize(5).allSatisfy(r -> {
            assertThat(r.errors()).as(r.target().id()).isNotEmpty();
            assertThat(r.evidence()).isNull(); // inconclusive: nothing judged
        });
        List<String> messages = results.stream().flatMap(r -> r.errors().stream()).filter(e -> e.phase().equals("device"))
                .map(ProcessingError::message).toList();
        assertThat(messages).hasSize(5);
        assertThat(messages).anyMatch(m -> m.contains("lost mid-run") && m.contains("not judged"));
        assertThat(messages).anyMatch(m -> m.contains("no device of the lab") && m.contains("LAB-A") && m.contains("LAB-B"));
    }

    @Test
    void aLabWithNoFreeDeviceGivesEveryTargetTheReasonAtOnce() {
        ScriptedLab lab = new ScriptedLab().add("LAB-A", phone()).add("LAB-B", phone()).state("LAB-A", LabDevice.State.BUSY)
                .state("LAB-B", LabDevice.State.OFFLINE);

        List<TargetResult> results = run(lab);

        assertThat(results).hasSize(5).allSatisfy(r -> assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.phase()).isEqualTo("device");
            assertThat(e.message()).contains("no free Android device").contains("LAB-A").contains("busy").contains("LAB-B").contains("offline");
        }));
        assertThat(lab.sessionsOn("LAB-A") + lab.sessionsOn("LAB-B")).isZero();
    }

    @Test
    void aLabThatDoesNotAnswerIsEveryTargetsError() {
        ScriptedLab lab = new ScriptedLab().unreachable();

        List<TargetResult> results = run(lab);

        assertThat(results).hasSize(5).allSatisfy(r -> assertThat(r.errors()).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("does not answer")));
    }

    @Test
    void oneFreeDeviceRunsEveryTargetInTurn() {
        ScriptedLab lab = new ScriptedLab().add("LAB-A", phone()).add("LAB-B", phone()).state("LAB-B", LabDevice.State.BUSY);

        List<TargetResult> results = run(lab);

        assertThat(results).allSatisfy(r -> assertThat(r.errors()).isEmpty());
        assertThat(lab.sessionsOn("LAB-A")).isEqualTo(15); // 5 targets × (baseline, refused, approximate)
        assertThat(lab.sessionsOn("LAB-B")).isZero();
    }

    /**
     * A TEST DOUBLE AT THE Appium/adb BOUNDARY ONLY: a lab's device list (as {@code GET /device-farm/api/device} would
     * say it) and its phones behind adb and Appium, each a {@link ScriptedDevice}. A phone can be made lost at its
     * n-th session: the session fails ("device offline"), adb stops listing it, the lab lists it offline.
     */
    static final class ScriptedLab implements Lab {
        private final Map<String, ScriptedDevice> phones = new LinkedHashMap<>();
        private final Map<String, LabDevice.State> states = new ConcurrentHashMap<>();
        private final Map<String, Integer> loseAt = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> sessions = new ConcurrentHashMap<>();
        private final Set<String> lost = ConcurrentHashMap.newKeySet();
        private boolean unreachable;

        ScriptedLab add(String serial, ScriptedDevice phone) {
            phones.put(serial, phone);
            states.put(serial, LabDevice.State.FREE);
            sessions.put(serial, new AtomicInteger());
            return this;
        }

        ScriptedLab state(String serial, LabDevice.State state) {
            states.put(serial, state);
            return this;
        }

        ScriptedLab loseOnSession(String serial, int n) {
            loseAt.put(serial, n);
            return this;
        }

        ScriptedLab unreachable() {
            unreachable = true;
            return this;
        }

        int sessionsOn(String serial) {
            return sessions.containsKey(serial) ? sessions.get(serial).get() : 0;
        }

        @Override
        public List<LabDevice> devices() throws LabException {
            if (unreachable) {
                throw new LabException("the lab at " + url() + " does not answer " + url() + "/device-farm/api/device (ConnectException)");
            }
            List<LabDevice> out = new ArrayList<>();
            phones.keySet().forEach(s -> out.add(new LabDevice(s, "SM-S911B", "13", lost.contains(s) ? LabDevice.State.OFFLINE : states.get(s), "")));
            return out;
        }

        @Override
        public URL sessionUrl() {
            return url();
        }

        @Override
        public String describe() {
            return "scripted lab";
        }

        /** adb and Appium in front of the phones: a lost phone is gone from adb and refuses sessions and shell commands. */
        DeviceLink link() {
            return new DeviceLink() {
                @Override
                public List<AttachedDevice> devices() {
                    List<AttachedDevice> out = new ArrayList<>();
                    phones.keySet().stream().filter(s -> !lost.contains(s))
                            .forEach(s -> out.add(new AttachedDevice(s, "device", Map.of("model", "SM_S911B"))));
                    return out;
                }

                @Override
                public AdbShell shell(String serial) {
                    AdbShell real = phones.get(serial).shell(serial);
                    return new AdbShell() {
                        @Override
                        public String serial() {
                            return serial;
                        }

                        @Override
                        public String shell(String command, Duration timeout) throws AdbException {
                            if (lost.contains(serial)) {
                                throw new AdbException("adb: device '" + serial + "' not found");
                            }
                            return real.shell(command, timeout);
                        }

                        @Override
                        public void install(Path apk, Duration timeout) throws AdbException {
                            if (lost.contains(serial)) {
                                throw new AdbException("adb: device '" + serial + "' not found");
                            }
                            real.install(apk, timeout);
                        }
                    };
                }

                @Override
                public DeviceDriver driver(UiAutomator2Options options) throws SessionException {
                    String serial = options.getUdid().orElseThrow();
                    int n = sessions.get(serial).incrementAndGet();
                    if (lost.contains(serial) || loseAt.containsKey(serial) && n >= loseAt.get(serial)) {
                        lost.add(serial);
                        throw new SessionException(SessionException.Kind.SESSION_ERROR, "Could not start a new session: device '"
                                + serial + "' offline");
                    }
                    return phones.get(serial).driver(options);
                }

                @Override
                public String describe() {
                    return "scripted lab";
                }
            };
        }
    }
}
