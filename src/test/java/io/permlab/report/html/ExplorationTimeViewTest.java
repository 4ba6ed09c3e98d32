package io.permlab.report.html;

import io.permlab.knowledge.KnowledgeBase;
import io.permlab.model.dynamic.Exploration;
import io.permlab.model.dynamic.FunctionExploration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How long a function's exploration took and whether its runs overlapped is shown with its runs; unknown, nothing. */
class ExplorationTimeViewTest {
    private static ExplorationView.FunctionView view(FunctionExploration f, Path out) {
        Exploration x = new Exploration("http://waimai.example/", List.of(), "test", List.of(f));
        return new ExplorationViews(KnowledgeBase.builtIn(), new Screenshots(out)).of(x).functions().get(0);
    }

    @Test
    void theTimeInSecondsAndHowManyRunsAtOnce(@TempDir Path out) {
        ExplorationView.FunctionView v = view(new FunctionExploration("add-address", "新增收货地址", "a.flow.json", List.of(), List.of(), 8404, 2), out);
        assertThat(v.seconds()).isEqualTo("8.4");
        assertThat(v.runsAtOnce()).isEqualTo(2);
    }

    @Test
    void anExplorationWhoseTimeWasNotTakenShowsNone(@TempDir Path out) {
        ExplorationView.FunctionView v = view(new FunctionExploration("add-address", "新增收货地址", "a.flow.json", List.of(), List.of()), out);
        assertThat(v.seconds()).isEmpty();
    }
}
