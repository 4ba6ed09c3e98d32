package io.permlab.device.android;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.KnowledgeException;
import io.permlab.knowledge.KnowledgeSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An override folder's copy of either catalogue is checked when loaded: a mistake names the file, and the field or line. */
class DialogKnowledgeTest {
    private static final KnowledgeBase KNOWLEDGE = KnowledgeBase.builtIn();

    @TempDir
    Path dir;

    @Test
    void theBuiltInCataloguesLoad() {
        DialogKnowledge built = DialogKnowledge.builtIn();
        assertThat(built.dialogs().skinOf("com.lbe.security.miui")).contains("MIUI");
        assertThat(built.sheets().packageName()).isEqualTo("com.tencent.mm");
    }

    @Test
    void aFolderWithoutEitherFileGivesTheBuiltInOnes() throws IOException {
        Files.writeString(dir.resolve("categories.json"), "not read here");
        DialogKnowledge loaded = load();
        assertThat(loaded.dialogs().skinOf("com.lbe.security.miui")).contains("MIUI");
        assertThat(loaded.sheets().scope("scope.userLocation")).isPresent();
    }

    @Test
    void aPermissionAndroidDoesNotKnowIsNamedWithItsFileAndField() throws IOException {
        write(DialogCatalogue.FILE, builtIn(DialogCatalogue.FILE).replaceFirst("android.permission.CAMERA\"", "android.permission.CAMERRA\""));
        assertThatThrownBy(this::load).isInstanceOf(KnowledgeException.class)
                .hasMessageContaining(dir.resolve(DialogCatalogue.FILE).toString())
                .hasMessageContaining("$.groups.CAMERA.permissions").hasMessageContaining("android.permission.CAMERRA");
    }

    @Test
    void aMisspeltFieldIsNamedRatherThanIgnored() throws IOException {
        // "lables" beside "labels": ignored, the engineer's new labels would silently never apply
        write(DialogCatalogue.FILE, builtIn(DialogCatalogue.FILE).replace("\"messageIds\":", "\"lables\": {\"DENY\": [\"不可以\"]},\n  \"messageIds\":"));
        assertThatThrownBy(this::load).isInstanceOf(KnowledgeException.class)
                .hasMessageContaining(dir.resolve(DialogCatalogue.FILE).toString()).hasMessageContaining("$.lables")
                .hasMessageContaining("unknown field");
    }

    @Test
    void aMisspeltScopeFieldOfTheWeChatFileIsNamed() throws IOException {
        write(WeChatSheetCatalogue.FILE, builtIn(WeChatSheetCatalogue.FILE).replaceFirst("\"phrases\":", "\"phrase\": [\"x\"], \"phrases\":"));
        assertThatThrownBy(this::load).isInstanceOf(KnowledgeException.class)
                .hasMessageContaining(dir.resolve(WeChatSheetCatalogue.FILE).toString())
                .hasMessageContaining("$.scopes.scope.userLocation.phrase").hasMessageContaining("unknown field");
    }

    @Test
    void brokenJsonIsNamedWithItsFileAndLine() throws IOException {
        write(WeChatSheetCatalogue.FILE, builtIn(WeChatSheetCatalogue.FILE).replace("\"package\": \"com.tencent.mm\",", "\"package\": \"com.tencent.mm\""));
        assertThatThrownBy(this::load).isInstanceOf(KnowledgeException.class)
                .hasMessageContaining(dir.resolve(WeChatSheetCatalogue.FILE) + ", line ");
    }

    private DialogKnowledge load() {
        return DialogKnowledge.load(KnowledgeSource.withOverrides(dir), KNOWLEDGE);
    }

    private void write(String file, String text) throws IOException {
        Files.writeString(dir.resolve(file), text);
    }

    private static String builtIn(String file) throws IOException {
        try (InputStream in = KnowledgeBase.class.getResourceAsStream("/knowledge/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
