package io.permlab.it;

import io.permlab.inspect.InspectionLimits;
import io.permlab.inspect.apk.ApkInspector;
import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.apk.ApkFacts;
import io.permlab.model.apk.DeclaredPermission;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PermLab's reading of a real APK written by others must equal what Debian's aapt, an independent implementation
 * of the binary manifest format, says about the same file.
 */
class ApiDemosAgainstAaptTest {
    private static ApkFacts facts;
    private static String badging;
    private static String permissions;
    private static String xmltree;

    @BeforeAll
    static void inspect(@TempDir Path work) throws Exception {
        Path apk = ThirdPartyApks.apiDemos();
        facts = new ApkInspector(KnowledgeBase.builtIn(), InspectionLimits.defaults()).inspect(apk, work).facts();
        badging = aapt("dump", "badging", apk.toString());
        permissions = aapt("dump", "permissions", apk.toString());
        xmltree = aapt("dump", "xmltree", apk.toString(), "AndroidManifest.xml");
    }

    @Test
    void identityAndSdkLevelsMatchAapt() {
        assertThat(facts.packageName()).isEqualTo(group(badging, "package: name='([^']+)'"));
        assertThat(facts.versionCode()).isEqualTo(group(badging, "versionCode='([^']*)'"));
        assertThat(facts.versionName()).isEqualTo(group(badging, "versionName='([^']*)'"));
        assertThat(facts.minSdk()).isEqualTo(Integer.valueOf(group(badging, "sdkVersion:'(\\d+)'")));
        assertThat(facts.targetSdk()).isEqualTo(Integer.valueOf(group(badging, "targetSdkVersion:'(\\d+)'")));
        assertThat(facts.compileSdk()).isEqualTo(Integer.valueOf(group(badging, "compileSdkVersion='(\\d+)'")));
    }

    /** 'dump permissions' lists what the manifest declares; 'badging' would add implied ones. */
    @Test
    void everyDeclaredPermissionMatchesAapt() {
        List<String> aaptPermissions = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^uses-permission: name='([^']+)'(?: maxSdkVersion='(\\d+)')?").matcher(permissions);
        while (m.find()) {
            aaptPermissions.add(m.group(1) + (m.group(2) == null ? "" : "@" + m.group(2)));
        }
        List<String> ours = facts.permissions().stream()
                .map(p -> p.name() + (p.maxSdkVersion() == null ? "" : "@" + p.maxSdkVersion())).toList();
        assertThat(aaptPermissions).hasSize(14);
        assertThat(ours).containsExactlyElementsOf(aaptPermissions);
        assertThat(facts.permissions()).extracting(DeclaredPermission::name)
                .contains("android.permission.ACCESS_COARSE_LOCATION", "android.permission.CAMERA",
                        "android.permission.RECORD_AUDIO", "android.permission.READ_CONTACTS", "android.permission.SEND_SMS");
    }

    @Test
    void applicationFlagsMatchAapt() {
        assertThat(facts.application().debuggable()).isEqualTo(badging.contains("application-debuggable"));
        assertThat(facts.application().allowBackup()).isEqualTo(xmlBoolean("allowBackup"));
        assertThat(facts.application().usesCleartextTraffic()).isEqualTo(xmlBoolean("usesCleartextTraffic"));
    }

    /** Declared features from the xmltree (badging adds implied ones); "?" marks required=false. */
    @Test
    void featuresMatchAapt() {
        List<String> aaptFeatures = new ArrayList<>();
        Matcher m = Pattern.compile("E: uses-feature \\(line=\\d+\\)\\n\\s+A: android:name\\([^)]*\\)=\"([^\"]+)\"[^\\n]*"
                + "(\\n\\s+A: android:required\\([^)]*\\)=\\(type 0x12\\)0x0)?").matcher(xmltree);
        while (m.find()) {
            aaptFeatures.add(m.group(1) + (m.group(2) != null ? "?" : ""));
        }
        assertThat(aaptFeatures).hasSize(3);
        List<String> ours = facts.features().stream().map(f -> f.name() + (f.required() ? "" : "?")).toList();
        assertThat(ours).containsExactlyInAnyOrderElementsOf(aaptFeatures);
    }

    @Test
    void componentCountMatchesAapt() {
        long activities = Pattern.compile("(?m)^\\s+E: (activity|activity-alias) ").matcher(xmltree).results().count();
        long services = Pattern.compile("(?m)^\\s+E: service ").matcher(xmltree).results().count();
        assertThat(facts.components().stream().filter(c -> c.type().startsWith("activity")).count()).isEqualTo(activities);
        assertThat(facts.components().stream().filter(c -> c.type().equals("service")).count()).isEqualTo(services);
        assertThat(facts.components()).anyMatch(c -> c.launcher());
    }

    /** aapt's xmltree prints "A: android:allowBackup(0x...)=(type 0x12)0x0" for false and 0xffffffff for true. */
    private static Boolean xmlBoolean(String attribute) {
        Matcher m = Pattern.compile("A: android:" + attribute + "\\(0x[0-9a-f]+\\)=\\(type 0x12\\)0x([0-9a-f]+)").matcher(xmltree);
        if (!m.find()) {
            return null;
        }
        return !m.group(1).equals("0");
    }

    private static String group(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("aapt output has " + regex).isTrue();
        return m.group(1);
    }

    private static String aapt(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("aapt"));
        cmd.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("aapt is not installed (Debian: apt-get install -y aapt); it is the reference this test compares against", e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
