package io.permlab.rules.dynamic;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.WebPermission;
import io.permlab.model.Finding;
import io.permlab.model.dynamic.Run;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static io.permlab.rules.dynamic.Runs.baseline;
import static io.permlab.rules.dynamic.Runs.denied;
import static io.permlab.rules.dynamic.Runs.exploration;
import static io.permlab.rules.dynamic.Runs.findings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * DYN-PERM-MANDATORY for every permission the knowledge lists (web permissions, mini-program scopes, Android groups),
 * refused in a category that needs no PI (新闻资讯): a permission that reaches PI is reported, and its message names
 * what it reaches in both languages; one that reaches none (persistent storage, MIDI…) is reported at INFO saying so:
 * 认定方法 四.2 covers a non-necessary permission too, but no necessary-PI list decides whether one that collects
 * nothing is necessary. No message has an empty slot (the first version said "does not need ." for those).
 */
class MandatoryPermissionMessagesTest {
    /** A blank slot leaves a space before punctuation, or empty brackets or quotes. */
    private static final Pattern EMPTY_SLOT_EN = Pattern.compile("\\s[.,;:)]|\\(\\)|''|need \\.|\\s{2}");
    private static final Pattern EMPTY_SLOT_ZH = Pattern.compile("需要[。，；]|（）|「」|、、|，。|\\s{2}");

    @Test
    void everyPermissionIsReportedWithWhatItReachesAndNoEmptySlot() {
        KnowledgeBase kb = KnowledgeBase.builtIn();
        assertThat(kb.webPermissionIds()).contains("persistent-storage", "camera", "scope.werun", "android:contacts");
        for (String id : kb.webPermissionIds()) {
            WebPermission p = kb.webPermission(id).orElseThrow();
            List<Finding> found = refused(id);
            assertThat(found).as(id).singleElement();
            Finding f = found.get(0);
            if (p.pi().isEmpty()) {
                assertThat(f.severity()).as(id).isEqualTo(io.permlab.model.Severity.INFO);
                assertThat(f.message().en()).as(id).contains("does not need the permission itself (it reaches no personal information)")
                        .contains("for a person to judge");
                assertThat(f.message().zh()).as(id).contains("不需要该权限本身（它不能获取个人信息）");
            } else {
                assertThat(f.message().en()).as(id).contains("does not need " + kb.piLabels(p.pi()).en());
                assertThat(f.message().zh()).as(id).contains("不需要" + kb.piLabels(p.pi()).zh());
            }
            assertThat(EMPTY_SLOT_EN.matcher(f.message().en()).find()).as(id + ": " + f.message().en()).isFalse();
            assertThat(EMPTY_SLOT_ZH.matcher(f.message().zh()).find()).as(id + ": " + f.message().zh()).isFalse();
        }
    }

    @Test
    void persistentStorageRefusedBlockingAFunctionIsLeftToAPersonAsInfo() {
        assertThat(refused("persistent-storage")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(io.permlab.model.Severity.INFO));
    }

    private static List<Finding> refused(String permission) {
        Run grant = baseline().request(permission, 1500, 2, "success:granted", null).build();
        Run deny = denied(permission).failed().request(permission, 1500, 2, "error:denied", null).build();
        return findings(new PermissionMandatoryRule(), exploration(grant, deny), "新闻资讯");
    }
}
