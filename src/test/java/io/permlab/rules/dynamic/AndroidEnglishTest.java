package io.permlab.rules.dynamic;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.knowledge.KnowledgeSource;
import io.permlab.model.Finding;
import io.permlab.model.android.DeviceRunFacts;
import io.permlab.model.dynamic.Run;
import io.permlab.rules.android.PermissionUsedNotNeededRule;
import io.permlab.rules.android.RefusalGrantScreenRule;
import io.permlab.rules.android.RefusalLoopRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.permlab.rules.dynamic.AndroidEvidence.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The English the Android rules render: counts in the singular and plural, a category's name without a fixed article. */
class AndroidEnglishTest {
    private static final String LOC = "geolocation";
    private static final String COMMUNITY = "网络社区";

    private static Map<Run, DeviceRunFacts> byRun(Run base, DeviceRunFacts baseFacts, Run denied, DeviceRunFacts deniedFacts) {
        Map<Run, DeviceRunFacts> m = new LinkedHashMap<>();
        m.put(base, baseFacts);
        m.put(denied, deniedFacts);
        return m;
    }

    /** The loop finding for a refused run that re-asked {@code again} times, under rules-android.json with loopAsks 1. */
    private static Finding loop(int again, Path dir) throws IOException {
        String json;
        try (InputStream in = KnowledgeBase.class.getResourceAsStream("/knowledge/rules-android.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Files.writeString(dir.resolve("rules-android.json"), json.replace("\"loopAsks\": 2", "\"loopAsks\": 1"));
        KnowledgeBase kb = KnowledgeBase.load(KnowledgeSource.withOverrides(dir));
        Run base = baseline().ask(granted(LOC, "LOCATION", 2)).build();
        RunBuilder denied = denied(LOC).failed().ask(refused(LOC, "LOCATION", 2));
        for (int i = 0; i < again; i++) {
            denied.ask(refused(LOC, "LOCATION", 3));
        }
        Run run = denied.build();
        List<Finding> f = findings(kb, new RefusalLoopRule(), "餐饮外卖", exploration(base, run), device(byRun(base, quiet(), run, quiet())));
        assertThat(f).hasSize(1);
        return f.get(0);
    }

    @Test
    void oneReAskIsOnceMore(@TempDir Path dir) throws IOException {
        Finding f = loop(1, dir);
        assertThat(f.message().en()).contains("brought its system dialog up once more in the same run").doesNotContain("times");
        assertThat(f.message().zh()).contains("又弹出该权限的系统申请框 1 次");
    }

    @Test
    void twoReAsksAreTwoMoreTimes(@TempDir Path dir) throws IOException {
        Finding f = loop(2, dir);
        assertThat(f.message().en()).contains("brought its system dialog up 2 more times in the same run");
        assertThat(f.message().zh()).contains("又弹出该权限的系统申请框 2 次");
    }

    @Test
    void aGrantScreenNamesTheCategorysAppsWithoutAnArticle() {
        Run base = baseline().ask(granted(LOC, "LOCATION", 2)).build();
        Run denied = denied(LOC).failed().ask(refused(LOC, "LOCATION", 2)).build();
        List<Finding> f = findings(new RefusalGrantScreenRule(), COMMUNITY, exploration(base, denied),
                device(byRun(base, quiet(), denied, facts(33, List.of(), List.of(), inFront("需要开启定位权限", "去设置")))));
        assertThat(f).singleElement().satisfies(x -> assertThat(x.message().en())
                .contains("although the basic function of 'online community' apps does not need it").doesNotContain("a 'online community'"));
    }

    @Test
    void aPermissionUsedNamesTheCategorysAppsWithoutAnArticle() {
        Run base = baseline().build();
        Map<Run, DeviceRunFacts> m = new LinkedHashMap<>();
        m.put(base, facts(33, List.of(new DeviceRunFacts.Op("READ_CONTACTS", "allow", START.plusSeconds(5), "NONE", false)), List.of(), inFront()));
        List<Finding> f = findings(new PermissionUsedNotNeededRule(), COMMUNITY, exploration(base), device(m));
        assertThat(f).singleElement().satisfies(x -> assertThat(x.message().en())
                .contains("the basic function of 'online community' apps does not need it").doesNotContain("a 'online community'"));
    }
}
