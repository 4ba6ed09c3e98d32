package io.permlab.device.miniprogram;

import io.permlab.knowledge.KnowledgeBase;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every scope the runtime can show a sheet for (auth.js's SCOPED) reaches the rules under a permission the knowledge
 * base labels, so that findings name it in words ("WeRun step count"), never by its raw id ("scope.userInfo").
 */
class ScopeLabelsTest {
    @Test
    void everyScopeWithASheetHasALabel() throws Exception {
        String auth = Files.readString(Path.of("src/main/node/mp-runtime/auth.js"));
        String scoped = auth.substring(auth.indexOf("const SCOPED = {"), auth.indexOf("};", auth.indexOf("const SCOPED = {")));
        List<String> scopes = new ArrayList<>();
        Matcher m = Pattern.compile("'(scope\\.\\w+)':").matcher(scoped);
        while (m.find()) {
            scopes.add(m.group(1));
        }
        assertThat(scopes).hasSizeGreaterThan(8);
        KnowledgeBase kb = KnowledgeBase.builtIn();
        assertThat(scopes).allSatisfy(s -> assertThat(kb.webPermission(Scopes.permission(s))).as(s).isPresent());
    }
}
