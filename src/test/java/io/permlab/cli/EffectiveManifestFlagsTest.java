package io.permlab.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled non-compliant Android sample declares no android:allowBackup: the report's manifest row and the finding
 * must both say the effective value, true, and that it is the default — in the language of each view.
 */
class EffectiveManifestFlagsTest {
    @Test
    void anAbsentFlagIsShownWithItsEffectiveDefaultValue(@TempDir Path dir) throws IOException {
        Path outDir = dir.resolve("scan");
        PermLab.run(new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true),
                "scan", PermLabHome.dir().resolve("apps/demo-delivery-android").toString(), "--out", outDir.toString());

        String html = Files.readString(outDir.resolve("index.html"));
        assertThat(html).contains("allowBackup=<span class=\"zh\" lang=\"zh-CN\">true（默认值）</span><span class=\"en\" lang=\"en\">true (default)</span>")
                .contains("debuggable=<span class=\"zh\" lang=\"zh-CN\">false（默认值）</span><span class=\"en\" lang=\"en\">false (default)</span>")
                .contains("usesCleartextTraffic=<span class=\"zh\" lang=\"zh-CN\">true</span><span class=\"en\" lang=\"en\">true</span>")
                .doesNotContain("allowBackup=—");

        JsonObject backup = null;
        for (JsonElement t : JsonParser.parseString(Files.readString(outDir.resolve("findings.json"))).getAsJsonObject().getAsJsonArray("targets")) {
            for (JsonElement f : t.getAsJsonObject().getAsJsonArray("findings")) {
                if (f.getAsJsonObject().get("ruleId").getAsString().equals("APK-ALLOW-BACKUP")) {
                    backup = f.getAsJsonObject().getAsJsonObject("message");
                }
            }
        }
        assertThat(backup).isNotNull();
        assertThat(backup.get("zh").getAsString()).contains("allowBackup 为 true（默认值）").doesNotContain("default");
        assertThat(backup.get("en").getAsString()).contains("allowBackup is true (default)");
    }
}
