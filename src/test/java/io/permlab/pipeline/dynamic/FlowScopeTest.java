package io.permlab.pipeline.dynamic;

import io.permlab.exercise.flow.FlowException;
import io.permlab.exercise.flow.FlowParser;
import io.permlab.pipeline.TargetDescriptor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which URLs a flow may open, read from a real target.json and flow file. */
class FlowScopeTest {
    @TempDir
    Path dir;
    private FlowScope scope;

    @BeforeEach
    void target() throws Exception {
        Files.createDirectories(dir.resolve("site"));
        Files.writeString(dir.resolve("target.json"), "{\"kind\": \"h5\", \"entry\": \"https://shop.example/index.html\","
                + " \"serve\": [{\"host\": \"static.cdn.example\", \"dir\": \"site\"}], \"ownHosts\": [\"shop.example\"],"
                + " \"allowHosts\": [\"login.partner.example\"]}");
        scope = FlowScope.of(TargetDescriptor.read(dir.resolve("target.json")).site());
    }

    @Test
    void theTargetsOwnServedAndAllowedHostsMayBeOpened() {
        assertThat(scope.problem("/cart.html")).isNull();
        assertThat(scope.problem("https://m.shop.example/")).as("a subdomain of an own host").isNull();
        assertThat(scope.problem("http://static.cdn.example/a.js")).isNull();
        assertThat(scope.problem("https://login.partner.example/sso")).isNull();
    }

    @Test
    void otherHostsAndLoopbackAreRefused() {
        assertThat(scope.problem("https://evil.example/")).contains("evil.example").contains("allowHosts");
        assertThat(scope.problem("//evil.example/x")).as("scheme-relative").contains("evil.example");
        assertThat(scope.problem("http://127.0.0.1:18777/")).contains("127.0.0.1");
        assertThat(scope.problem("http://cdn.example/")).as("the parent of a served host is not served").isNotNull();
    }

    @Test
    void otherSchemesAreRefused() {
        for (String url : new String[] {"file:///etc/passwd", "data:text/html,<b>x</b>", "chrome://version", "javascript:alert(1)",
                "view-source:https://shop.example/"}) {
            assertThat(scope.problem(url)).as(url).isNotNull();
        }
    }

    @Test
    void aFlowOpeningALocalFileIsRefusedAtTheStepsLineAndColumn() throws Exception {
        Path flow = dir.resolve("f.flow.json");
        Files.writeString(flow, "{\n  \"function\": \"f\",\n  \"steps\": [\n    {\"open\": \"/index.html\"},\n"
                + "    {\"open\": \"file:///etc/passwd\"},\n    {\"checkpoint\": {\"css\": \"#ok\"}}\n  ]\n}\n");
        assertThatThrownBy(() -> FlowParser.parse(flow, scope::problem)).isInstanceOf(FlowException.class)
                .hasMessageStartingWith(flow + ":5:14: steps[1].open: ");
    }
}
