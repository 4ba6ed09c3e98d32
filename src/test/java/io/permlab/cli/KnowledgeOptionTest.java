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

    /**
     * policy-elements.json is knowledge too: an inspector's copy decides which elements a policy has (the policy stage)
     * and which words declare a kind of PI (the undeclared-permission rule). With date words no policy contains, the
     * compliant APK sample's policy loses its effective date; with "收货地址" made a word for contacts, the non-compliant
     * sample's READ_CONTACTS, undeclared with the built-in words, counts as declared by its policy's delivery address.
     */
    @Test
    void anOverriddenPolicyElementsFileDecidesTheElementsAndTheDeclaredWords(@TempDir Path dir) throws IOException {
        Path knowledge = Files.createDirectories(dir.resolve("knowledge"));
        String never = "\"从未出现的词\"";
        Files.writeString(knowledge.resolve("policy-elements.json"), builtIn("policy-elements.json")
                .replace("\"any\": [\"生效\", \"更新\", \"发布\", \"effective\", \"updated\", \"last revised\"]", "\"any\": [" + never + "]")
                .replace("\"contacts\": [\"通讯录\", \"联系人\", \"contacts\"]", "\"contacts\": [\"通讯录\", \"收货地址\"]"));

        String compliant = scan(dir, "apps/demo-delivery-android-compliant", "built-in");
        assertThat(compliant).doesNotContain("\"ruleId\": \"POLICY-");
        assertThat(scan(dir, "apps/demo-delivery-android-compliant", "override", "--knowledge", knowledge.toString()))
                .contains("\"ruleId\": \"POLICY-ELEMENT-MISSING\"", "effective_date");

        assertThat(undeclaredPermissions(scan(dir, "apps/demo-delivery-android", "built-in"))).contains("READ_CONTACTS");
        assertThat(undeclaredPermissions(scan(dir, "apps/demo-delivery-android", "override", "--knowledge", knowledge.toString())))
                .contains("READ_PHONE_STATE").doesNotContain("READ_CONTACTS");
    }

    /** findings.json of a 'permlab scan' of a bundled sample into its own folder under {@code dir}. */
    private String scan(Path dir, String sample, String name, String... more) throws IOException {
        Path reports = dir.resolve(Path.of(sample).getFileName() + "-" + name);
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("scan", Path.of(sample).toAbsolutePath().toString(),
                "--out", reports.toString(), "--format", "json", "--no-progress"));
        args.addAll(java.util.List.of(more));
        assertThat(run(args.toArray(String[]::new))).as(err.toString()).isIn(ExitCode.CLEAN.code(), ExitCode.FINDINGS.code());
        return Files.readString(reports.resolve("findings.json"));
    }

    /** The messages of the POLICY-UNDECLARED-PERMISSION findings, as one text. */
    private static String undeclaredPermissions(String findingsJson) {
        StringBuilder out = new StringBuilder();
        for (com.google.gson.JsonElement t : com.google.gson.JsonParser.parseString(findingsJson).getAsJsonObject().getAsJsonArray("targets")) {
            for (com.google.gson.JsonElement f : t.getAsJsonObject().getAsJsonArray("findings")) {
                if (f.getAsJsonObject().get("ruleId").getAsString().equals("POLICY-UNDECLARED-PERMISSION")) {
                    out.append(f.getAsJsonObject().get("message")).append('\n');
                }
            }
        }
        return out.toString();
    }

    private static String builtIn(String name) throws IOException {
        try (InputStream in = KnowledgeBase.class.getResourceAsStream("/knowledge/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
