package io.permlab.exercise.flow;

import io.permlab.model.flow.Action;
import io.permlab.model.flow.DialogAnswer;
import io.permlab.model.flow.Flow;
import io.permlab.model.flow.Locator;
import io.permlab.model.flow.LocatorKind;
import io.permlab.model.flow.Refusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FlowParserTest {
    @TempDir
    Path dir;

    private Path write(String json) throws IOException {
        return Files.writeString(dir.resolve("add-address.flow.json"), json);
    }

    @Test
    void readsEveryActionAndLocator() throws Exception {
        Flow flow = FlowParser.parse(write("""
                {
                  "function": "add-address",
                  "name": "新增收货地址",
                  "_comment": "comments start with an underscore",
                  "steps": [
                    {"open": "/index.html"},
                    {"consent": {"css": "#agree"}},
                    {"tap": {"text": "新增收货地址"}, "start": true},
                    {"type": {"id": "phone"}, "text": "13812345678"},
                    {"select": {"xpath": "//select"}, "option": "上海"},
                    {"wait": 500},
                    {"wait": {"accessibilityId": "form"}, "timeoutMs": 3000},
                    {"scroll": null},
                    {"back": true},
                    {"expect": {"css": ".list"}},
                    {"checkpoint": {"text": "地址已保存"}, "timeoutMs": 5000, "note": "saved"}
                  ]
                }"""));
        assertThat(flow.function()).isEqualTo("add-address");
        assertThat(flow.steps()).extracting(s -> s.action()).containsExactly(Action.OPEN, Action.CONSENT, Action.TAP,
                Action.TYPE, Action.SELECT, Action.WAIT, Action.WAIT, Action.SCROLL, Action.BACK, Action.EXPECT, Action.CHECKPOINT);
        assertThat(flow.steps().get(3).locator().kind()).isEqualTo(LocatorKind.ID);
        assertThat(flow.steps().get(3).value()).isEqualTo("13812345678");
        assertThat(flow.steps().get(4).value()).isEqualTo("上海");
        assertThat(flow.steps().get(5).timeoutMillis()).isEqualTo(500);
        assertThat(flow.steps().get(6).locator().kind()).isEqualTo(LocatorKind.ACCESSIBILITY_ID);
        assertThat(flow.steps().get(10).timeoutMillis()).isEqualTo(5000);
        assertThat(flow.steps().get(2).line()).isEqualTo(8);
        assertThat(flow.functionStartIndex()).isEqualTo(2);
    }

    @Test
    void theFunctionStartsAtTheFirstInteractionAfterConsentWhenNotMarked() throws Exception {
        Flow flow = FlowParser.parse(write("""
                {"function": "f", "steps": [{"open": "/"}, {"tap": {"css": "#a"}}, {"consent": {"css": "#ok"}},
                  {"type": {"css": "#q"}, "text": "x"}, {"checkpoint": {"css": "#done"}}]}"""));
        assertThat(flow.functionStartIndex()).isEqualTo(3);
    }

    @Test
    void aConsentStepNamesTheControlsThatDeclineThePolicyOneOrSeveralInOrder() throws Exception {
        Flow one = FlowParser.parse(write("""
                {"function": "f", "steps": [{"open": "/"}, {"consent": {"text": "同意"}, "refuse": {"text": "不同意"}},
                  {"checkpoint": {"css": "#done"}}]}"""));
        assertThat(one.refusableConsent().refuse()).containsExactly(Refusal.tap(new Locator(LocatorKind.TEXT, "不同意")));
        Flow two = FlowParser.parse(write("""
                {"function": "f", "steps": [{"consent": {"css": "#ok"}, "refuse": [{"css": "#no"}, {"text": "仍不同意"}]},
                  {"checkpoint": {"css": "#done"}}]}"""));
        assertThat(two.refusableConsent().describeRefusal()).isEqualTo("refuse consent css=#no, then text=仍不同意");
        Flow none = FlowParser.parse(write("""
                {"function": "f", "steps": [{"consent": {"css": "#ok"}}, {"checkpoint": {"css": "#done"}}]}"""));
        assertThat(none.refusableConsent()).as("without refuse controls there is no declining run").isNull();
    }

    @Test
    void refuseBelongsOnlyOnAConsentStepAndMustNameAControl() throws IOException {
        expectProblem("{\"function\": \"f\", \"steps\": [{\"tap\": {\"css\": \"#a\"}, \"refuse\": {\"css\": \"#b\"}},"
                + " {\"checkpoint\": {\"css\": \"#x\"}}]}", "steps[0].refuse: only a consent step says how to decline the privacy policy");
        expectProblem("{\"function\": \"f\", \"steps\": [{\"consent\": {\"css\": \"#a\"}, \"refuse\": []},"
                + " {\"checkpoint\": {\"css\": \"#x\"}}]}", "steps[0].refuse: names no control");
        expectProblem("{\"function\": \"f\", \"steps\": [{\"consent\": {\"css\": \"#a\"}, \"refuse\": [{\"css\": \"#b\"}, {\"nope\": \"x\"}]},"
                + " {\"checkpoint\": {\"css\": \"#x\"}}]}", "steps[0].refuse[1].nope: unknown key");
    }

    @Test
    void aDialogStepAcceptsOrDismissesThePagesDialogAndMayTypeIntoAPrompt() throws Exception {
        Flow flow = FlowParser.parse(write("""
                {"function": "f", "steps": [{"open": "/"}, {"tap": {"css": "#del"}},
                  {"dialog": "accept"}, {"dialog": "dismiss", "timeoutMs": 2000}, {"dialog": "accept", "text": "张三"},
                  {"checkpoint": {"css": "#done"}}]}"""));
        assertThat(flow.steps().get(2).action()).isEqualTo(Action.DIALOG);
        assertThat(flow.steps().get(2).dialog()).isEqualTo(new DialogAnswer(true, null));
        assertThat(flow.steps().get(2).locator()).isNull();
        assertThat(flow.steps().get(3).dialog()).isEqualTo(new DialogAnswer(false, null));
        assertThat(flow.steps().get(3).timeoutMillis()).isEqualTo(2000);
        assertThat(flow.steps().get(4).dialog()).isEqualTo(new DialogAnswer(true, "张三"));
        assertThat(flow.steps().get(2).describe()).isEqualTo("dialog accept");
        assertThat(flow.steps().get(3).describe()).isEqualTo("dialog dismiss");
        assertThat(flow.steps().get(4).describe()).isEqualTo("dialog accept \"张三\"");
    }

    @Test
    void aRefuseListMayAnswerTheDialogThatDecliningOpens() throws Exception {
        Flow flow = FlowParser.parse(write("""
                {"function": "f", "steps": [{"consent": {"css": "#ok"},
                  "refuse": [{"text": "不同意"}, {"dialog": "accept"}, {"dialog": "accept", "text": "不同意"}]},
                  {"checkpoint": {"css": "#done"}}]}"""));
        assertThat(flow.refusableConsent().refuse()).containsExactly(Refusal.tap(new Locator(LocatorKind.TEXT, "不同意")),
                Refusal.answer(new DialogAnswer(true, null)), Refusal.answer(new DialogAnswer(true, "不同意")));
        assertThat(flow.refusableConsent().describeRefusal())
                .isEqualTo("refuse consent text=不同意, then dialog accept, then dialog accept \"不同意\"");
    }

    @Test
    void aDialogStepsMistakesNameFileLineColumnAndField() throws IOException {
        Path file = write("""
                {"function": "f", "steps": [
                  {"dialog": "ok"},
                  {"checkpoint": {"css": "#x"}}]}""");
        assertThatThrownBy(() -> FlowParser.parse(file)).isInstanceOf(FlowException.class)
                .hasMessage(file + ":2:14: steps[0].dialog: must be \"accept\" or \"dismiss\"");
        expectProblem("{\"function\": \"f\", \"steps\": [{\"dialog\": true}, {\"checkpoint\": {\"css\": \"#x\"}}]}",
                "steps[0].dialog: must be a string");
        expectProblem("{\"function\": \"f\", \"steps\": [{\"dialog\": \"dismiss\", \"text\": \"x\"}, {\"checkpoint\": {\"css\": \"#x\"}}]}",
                "steps[0].text: only an accepted prompt takes text (\"dialog\": \"accept\")");
        expectProblem("{\"function\": \"f\", \"steps\": [{\"dialog\": \"accept\", \"refuse\": {\"css\": \"#b\"}},"
                + " {\"checkpoint\": {\"css\": \"#x\"}}]}", "steps[0].refuse: only a consent step says how to decline");
        expectProblem("{\"function\": \"f\", \"steps\": [{\"consent\": {\"css\": \"#a\"}, \"refuse\": [{\"dialog\": \"yes\"}]},"
                + " {\"checkpoint\": {\"css\": \"#x\"}}]}", "steps[0].refuse[0].dialog: must be \"accept\" or \"dismiss\"");
        expectProblem("{\"function\": \"f\", \"steps\": [{\"consent\": {\"css\": \"#a\"}, \"refuse\": [{\"dialog\": \"accept\", \"css\": \"#b\"}]},"
                + " {\"checkpoint\": {\"css\": \"#x\"}}]}", "steps[0].refuse[0].css: a dialog answer has no locator");
        expectProblem("{\"function\": \"f\", \"steps\": [{\"consent\": {\"css\": \"#a\"}, \"refuse\": [{\"dialog\": \"dismiss\", \"text\": \"x\"}]},"
                + " {\"checkpoint\": {\"css\": \"#x\"}}]}", "steps[0].refuse[0].text: only an accepted prompt takes text");
    }

    @Test
    void anUnknownActionNamesFileLineColumnAndField() throws IOException {
        Path file = write("""
                {
                  "function": "add-address",
                  "steps": [
                    {"open": "/index.html"},
                    {"click": {"css": "#save"}},
                    {"checkpoint": {"text": "ok"}}
                  ]
                }""");
        assertThatThrownBy(() -> FlowParser.parse(file))
                .isInstanceOf(FlowException.class)
                .hasMessageStartingWith(file + ":5:6: steps[1].click: unknown key")
                .satisfies(e -> {
                    FlowException f = (FlowException) e;
                    assertThat(f.line()).isEqualTo(5);
                    assertThat(f.field()).isEqualTo("steps[1].click");
                });
    }

    @Test
    void malformedJsonNamesWhereItBroke() throws IOException {
        Path file = write("{\n  \"function\": \"f\",\n  \"steps\": [ {\"open\": \"/\"} \n");
        assertThatThrownBy(() -> FlowParser.parse(file)).isInstanceOf(FlowException.class)
                .hasMessageStartingWith(file + ":4:").hasMessageContaining("malformed JSON");
    }

    @Test
    void eachSemanticMistakeIsNamed() throws IOException {
        expectProblem("{\"steps\": [{\"checkpoint\": {\"css\": \"#x\"}}]}", "function: is required");
        expectProblem("{\"function\": \"f\", \"steps\": []}", "steps: a flow needs steps");
        expectProblem("{\"function\": \"f\", \"steps\": [{\"open\": \"/\"}]}", "no checkpoint step");
        expectProblem("{\"function\": \"f\", \"steps\": [{\"type\": {\"css\": \"#a\"}}, {\"checkpoint\": {\"css\": \"#x\"}}]}",
                "steps[0].text: 'type' needs the text to type");
        expectProblem("{\"function\": \"f\", \"steps\": [{\"tap\": {\"css\": \"#a\", \"text\": \"b\"}}, {\"checkpoint\": {\"css\": \"#x\"}}]}",
                "steps[0].tap.text: a locator has one way to find the element");
        expectProblem("{\"function\": \"f\", \"steps\": [{\"tap\": {\"name\": \"a\"}}, {\"checkpoint\": {\"css\": \"#x\"}}]}",
                "steps[0].tap.name: unknown key (expected css, id, text, xpath, accessibilityId, uiSelector)");
        expectProblem("{\"function\": \"f\", \"steps\": [{\"tap\": {\"css\": \"#a\"}, \"open\": \"/\"}, {\"checkpoint\": {\"css\": \"#x\"}}]}",
                "steps[0].open: a step has one action");
        expectProblem("{\"function\": \"f\", \"steps\": [{\"wait\": {\"css\": \"#a\"}, \"timeoutMs\": -5}, {\"checkpoint\": {\"css\": \"#x\"}}]}",
                "steps[0].timeoutMs: must be a positive number");
        expectProblem("{\"function\": \"f\", \"steps\": [{\"start\": true}, {\"checkpoint\": {\"css\": \"#x\"}}]}",
                "steps[0]: no action");
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("nope.flow.json");
        assertThatThrownBy(() -> FlowParser.parse(missing)).hasMessage(missing + ":0:0: no such flow file");
    }

    @Test
    void androidLocatorsParse() throws Exception {
        Flow flow = FlowParser.parse(write("{\"function\": \"f\", \"steps\": [{\"open\": \"app\"}, "
                + "{\"tap\": {\"uiSelector\": \"new UiSelector().textContains(\\\"地址\\\")\"}}, "
                + "{\"tap\": {\"accessibilityId\": \"Add address\"}}, {\"checkpoint\": {\"id\": \"io.example:id/saved\"}}]}"));
        assertThat(flow.steps().get(1).locator()).isEqualTo(new io.permlab.model.flow.Locator(
                io.permlab.model.flow.LocatorKind.UI_SELECTOR, "new UiSelector().textContains(\"地址\")"));
        assertThat(flow.steps().get(1).locator().toString()).startsWith("uiSelector=");
        assertThat(flow.steps().get(3).locator().kind()).isEqualTo(io.permlab.model.flow.LocatorKind.ID);
    }

    private void expectProblem(String json, String problem) throws IOException {
        Path file = write(json);
        assertThatThrownBy(() -> FlowParser.parse(file)).isInstanceOf(FlowException.class)
                .hasMessageStartingWith(file + ":").hasMessageContaining(problem);
    }

    @Test
    void aWaitOrTimeoutAboveTheStepCeilingIsAnErrorAtItsValue() throws Exception {
        Path file = write("""
                {
                  "function": "add-address",
                  "steps": [
                    {"open": "/index.html"},
                    {"wait": 999999999},
                    {"checkpoint": {"text": "ok"}}
                  ]
                }""");
        assertThatThrownBy(() -> FlowParser.parse(file)).isInstanceOf(FlowException.class)
                .hasMessageStartingWith(file + ":5:14: steps[1].wait: 999999999 ms is more than the step ceiling of 60000 ms");
        Path timeout = write("""
                {"function": "f", "steps": [
                  {"checkpoint": {"text": "ok"}, "timeoutMs": 3000}
                ]}""");
        assertThat(FlowParser.parse(timeout).steps().get(0).timeoutMillis()).isEqualTo(3000);
        assertThatThrownBy(() -> FlowParser.parse(timeout, 2000)).isInstanceOf(FlowException.class)
                .hasMessageStartingWith(timeout + ":2:47: steps[0].timeoutMs: 3000 ms is more than the step ceiling of 2000 ms");
        Path huge = write("""
                {"function": "f", "steps": [{"wait": 99999999999999999999999}, {"checkpoint": {"text": "ok"}}]}""");
        assertThatThrownBy(() -> FlowParser.parse(huge)).isInstanceOf(FlowException.class)
                .hasMessageContaining("steps[0].wait: 99999999999999999999999 ms is more than the step ceiling");
        Path negative = write("""
                {"function": "f", "steps": [{"wait": -5}, {"checkpoint": {"text": "ok"}}]}""");
        assertThatThrownBy(() -> FlowParser.parse(negative)).isInstanceOf(FlowException.class)
                .hasMessageContaining("steps[0].wait: must be a positive number of milliseconds");
    }
}
