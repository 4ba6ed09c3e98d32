package io.permlab.rules.dynamic;

import io.permlab.model.Finding;
import io.permlab.model.android.DeviceRunFacts;
import io.permlab.model.dynamic.Run;
import io.permlab.rules.android.PermissionUsedNotNeededRule;
import io.permlab.rules.android.RefusalGrantScreenRule;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.permlab.rules.dynamic.AndroidEvidence.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The English the Android rules render: a category's name without a fixed article. */
class AndroidEnglishTest {
    private static final String LOC = "geolocation";
    private static final String COMMUNITY = "网络社区";

    private static Map<Run, DeviceRunFacts> byRun(Run base, DeviceRunFacts baseFacts, Run denied, DeviceRunFacts deniedFacts) {
        Map<Run, DeviceRunFacts> m = new LinkedHashMap<>();
        m.put(base, baseFacts);
        m.put(denied, deniedFacts);
        return m;
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
