package io.permlab.cli;

import io.permlab.knowledge.KnowledgeBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** 'permlab rules' and 'permlab categories' show the knowledge --knowledge DIR gives, and refuse a broken one. */
class KnowledgeOptionTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return PermLab.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void rulesShowsAnOverriddenTitle(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("rules.json"), builtIn("rules.json")
                .replace("\"en\": \"App data holding personal information can be backed up\"", "\"en\": \"Backups allowed (house wording)\""));
        assertThat(builtIn("rules.json")).contains("\"en\": \"App data holding personal information can be backed up\"");
        assertThat(run("rules", "--knowledge", dir.toString())).isZero();
        assertThat(out.toString()).contains("Backups allowed (house wording)").doesNotContain("App data holding personal information can be backed up");
    }

    @Test
    void categoriesShowsAnOverriddenCategory(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("categories.json"), builtIn("categories.json").replace("\"zh\": \"餐饮外卖\"", "\"zh\": \"外卖点餐\""));
        assertThat(run("categories", "--knowledge", dir.toString())).isZero();
        assertThat(out.toString()).contains("外卖点餐").doesNotContain("餐饮外卖");
    }

    @Test
    void aBrokenOverrideIsRefusedNamingFileLineAndField(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("categories.json"), builtIn("categories.json")
                .replaceFirst("\"verified\": (true|false)", "\"verified\": \"yes\""));
        assertThat(run("categories", "--knowledge", dir.toString())).isEqualTo(ExitCode.USAGE_ERROR.code());
        assertThat(err.toString()).contains(dir.resolve("categories.json") + ":", "$.categories[0].verified", "must be true or false");
        assertThat(out.toString()).isEmpty();
    }

    /** The dialog catalogues are knowledge too: the commands that show knowledge refuse a broken copy of them as well. */
    @Test
    void aBrokenDialogCatalogueIsRefusedByRulesNamingFileAndField(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("permission-dialogs.json"), builtIn("permission-dialogs.json")
                .replaceFirst("android.permission.CAMERA\"", "android.permission.CAMERRA\""));
        assertThat(run("rules", "--knowledge", dir.toString())).isEqualTo(ExitCode.USAGE_ERROR.code());
        assertThat(err.toString()).contains(dir.resolve("permission-dialogs.json").toString(), "$.groups.CAMERA.permissions",
                "android.permission.CAMERRA");
        assertThat(out.toString()).isEmpty();
    }

    /**
     * 'permlab run --device' with a broken WeChat sheet catalogue stops before any device work: nothing is written, not
     * even the output folder, and the message names the file and the field.
     */
    @Test
    void aBrokenSheetCatalogueStopsAnAndroidRunBeforeItStarts(@TempDir Path dir) throws IOException {
        Path knowledge = Files.createDirectories(dir.resolve("knowledge"));
        Files.writeString(knowledge.resolve("wechat-auth-sheets.json"), builtIn("wechat-auth-sheets.json")
                .replaceFirst("\"phrases\":", "\"phrase\": [\"x\"], \"phrases\":"));
        Path reports = dir.resolve("out");
        int code = run("run", "--device", Path.of("devices/android-usb.json").toAbsolutePath().toString(), "--knowledge", knowledge.toString(),
                "--out", reports.toString(), "--no-progress", Path.of("apps/demo-delivery-android").toAbsolutePath().toString());
        assertThat(code).isEqualTo(ExitCode.USAGE_ERROR.code());
        assertThat(err.toString()).contains(knowledge.resolve("wechat-auth-sheets.json").toString(), "$.scopes.scope.userLocation.phrase",
                "unknown field");
        assertThat(reports).doesNotExist();
    }

    private static String builtIn(String name) throws IOException {
        try (InputStream in = KnowledgeBase.class.getResourceAsStream("/knowledge/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
