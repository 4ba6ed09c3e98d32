package io.permlab.device.miniprogram;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.permlab.exercise.ObservedEvent;
import io.permlab.exercise.ObservedExchange;
import io.permlab.exercise.ObservedRequest;
import io.permlab.exercise.ObservedStorage;
import io.permlab.exercise.PageError;
import io.permlab.exercise.Session;
import io.permlab.exercise.SessionException;
import io.permlab.model.dynamic.RunPolicy;
import io.permlab.model.flow.Locator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A flow's session on a mini-program: its own code running in PermLab's Node runtime (miniprogram-simulate's
 * j-component and WeChat's WXML compiler, wx answered by PermLab's authorization model). Locators are visible text
 * (an input's placeholder counts), css-like selectors on the rendered WXML (tag, #id, .class, [attr=value]) or id.
 * The run's policy is in force from the start: the scopes it refuses are refused on their sheet.
 */
public final class MiniProgramSession implements Session {
    /** Node loading jsdom and miniprogram-simulate and staging the program: seconds on a busy machine, never a program loop. */
    private static final long STARTUP_MILLIS = 60_000;

    /**
     * The locator a step taps to explore the page instead of one element: not a selector a flow could mean (the
     * runtime's css has no pseudo-classes), used by the entry exploration (MiniProgramEntryFlows).
     */
    public static final Locator EVERY_TAPPABLE = new Locator(io.permlab.model.flow.LocatorKind.CSS, ":every-tappable");
    /** At most this many taps per page, each given this long to act: a page's exploration stays within seconds. */
    static final int EXPLORED_TAPS = 20;
    static final long EXPLORED_SETTLE_MILLIS = 300;

    private final RuntimeProcess runtime;
    private final JournalReader journal;
    private final String description;
    private final long commandMillis;
    private final List<WxEvent> allEvents = new ArrayList<>();

    private MiniProgramSession(RuntimeProcess runtime, String name, long commandMillis) {
        this.runtime = runtime;
        this.journal = new JournalReader("miniprogram://" + name);
        this.description = "mini-program runtime (node, miniprogram-simulate 1.6.2) " + name;
        this.commandMillis = commandMillis;
    }

    static MiniProgramSession start(MiniProgramConfig config, RunPolicy policy, Path scratch) throws SessionException {
        RuntimeProcess runtime = RuntimeProcess.start(config.withSource(config.source(), scratch));
        try {
            JsonObject args = new JsonObject();
            args.addProperty("source", config.source().toAbsolutePath().toString());
            args.addProperty("scratch", scratch.toAbsolutePath().toString());
            args.add("policy", PolicyJson.of(policy, config));
            JsonArray roots = new JsonArray();
            config.nodeModules().forEach(p -> roots.add(p.toAbsolutePath().toString()));
            args.add("npmRoots", roots);
            runtime.call("start", args, STARTUP_MILLIS);
        } catch (SessionException e) {
            runtime.close();
            throw e;
        }
        return new MiniProgramSession(runtime, config.source().getFileName().toString(), config.commandTimeoutMillis());
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void open(String url, Duration timeout) throws SessionException {
        JsonObject a = new JsonObject();
        a.addProperty("url", url);
        runtime.call("open", a, wait(timeout));
    }

    @Override
    public void tap(Locator locator, Duration timeout) throws SessionException {
        if (EVERY_TAPPABLE.equals(locator)) {
            explore(timeout);
            return;
        }
        runtime.call("tap", located(locator, timeout), wait(timeout));
    }

    /**
     * The entry exploration's step: every tappable element of the page showing (bindtap/catchtap, navigator, open-type
     * button) tapped once, {@link #EXPLORED_TAPS} at most, the page brought back after a navigation, within the step's
     * timeout; each tap is on the run's timeline (docs/miniprogram-runtime.md, "Entry exploration").
     */
    private void explore(Duration timeout) throws SessionException {
        JsonObject a = new JsonObject();
        a.addProperty("maxTaps", EXPLORED_TAPS);
        a.addProperty("settleMs", EXPLORED_SETTLE_MILLIS);
        a.addProperty("budgetMs", timeout == null ? 20_000 : timeout.toMillis());
        runtime.call("explore", a, wait(timeout));
    }

    @Override
    public void type(Locator locator, String text, Duration timeout) throws SessionException {
        JsonObject a = located(locator, timeout);
        a.addProperty("text", text);
        runtime.call("type", a, wait(timeout));
    }

    @Override
    public void select(Locator locator, String option, Duration timeout) throws SessionException {
        JsonObject a = located(locator, timeout);
        a.addProperty("option", option);
        runtime.call("select", a, wait(timeout));
    }

    /** A page in the runtime has no scroll position to change; the element must be there, as a scroll to it needs. */
    @Override
    public void scroll(Locator locator, Duration timeout) throws SessionException {
        if (locator != null && !waitFor(locator, timeout)) {
            throw SessionException.notFound(locator, timeout.toMillis());
        }
    }

    @Override
    public void back() throws SessionException {
        runtime.call("back", new JsonObject());
    }

    /**
     * The runtime answers wx.showModal itself, as a refusing user (cancel where offered), and records it on the timeline:
     * no modal stays open for a flow to answer, so a dialog step is not supported here — no evidence about the program.
     */
    @Override
    public Dialog answerDialog(io.permlab.model.flow.DialogAnswer answer, Duration timeout) throws SessionException {
        throw new SessionException(SessionException.Kind.NOT_SUPPORTED, new io.permlab.model.Localized(
                "小程序运行时不支持 dialog 步骤：wx.showModal 由运行时自行应答（有取消则取消），并记录在时间线上",
                "a dialog step is not supported by the mini-program runtime: it answers wx.showModal itself (cancel where"
                        + " offered) and records it on the timeline"));
    }

    @Override
    public boolean waitFor(Locator locator, Duration timeout) throws SessionException {
        return runtime.call("waitFor", located(locator, timeout), wait(timeout)).get("visible").getAsBoolean();
    }

    /** As every session waits, but a program that exited is said to have exited, not to have timed out. */
    @Override
    public Visibility awaitVisible(Locator locator, Duration timeout) throws SessionException {
        JsonObject seen = runtime.call("waitFor", located(locator, timeout), wait(timeout));
        if (seen.get("visible").getAsBoolean()) {
            return Visibility.SEEN;
        }
        String exited = text(seen, "exited");
        if (exited != null) {
            return new Visibility(false, RuntimeErrors.exited(exited));
        }
        // Session's own wording for a wait that ran out
        return new Visibility(false, new io.permlab.model.Localized("超时：" + locator + " 在 " + timeout.toMillis() + " 毫秒内未出现",
                "timeout: " + locator + " not visible for the step's " + timeout.toMillis() + " ms"));
    }

    @Override
    public void settle(Duration max) {
        JsonObject a = new JsonObject();
        a.addProperty("maxMs", max.toMillis());
        try {
            runtime.call("settle", a, max.toMillis() + commandMillis);
        } catch (SessionException e) {
            // the next command reports a stopped runtime with its kind
        }
    }

    @Override
    public byte[] screenshot(boolean hideTypedText) throws SessionException {
        JsonObject s = snapshot(hideTypedText);
        return TextScreenshot.render(text(s, "route"), text(s, "text"));
    }

    @Override
    public String pageSource() throws SessionException {
        return text(snapshot(true), "html");
    }

    @Override
    public String visibleText() throws SessionException {
        return text(snapshot(true), "text");
    }

    /** The page now on top of the stack ("pages/address/address"), or null before any page was opened. */
    public String currentRoute() throws SessionException {
        return text(snapshot(true), "route");
    }

    @Override
    public List<ObservedRequest> takePermissionRequests(boolean includeUnanswered) {
        drain();
        List<ObservedRequest> out = List.copyOf(journal.requests);
        journal.requests.clear();
        return out;
    }

    @Override
    public List<ObservedExchange> takeExchanges(boolean includeUnfinished) {
        drain();
        List<ObservedExchange> out = List.copyOf(journal.exchanges);
        journal.exchanges.clear();
        return out;
    }

    /** Its privacy popup comes back at every private API call until agreed, by WeChat's design (Session's note). */
    @Override
    public boolean watchesConsentSheet() {
        return false;
    }

    @Override
    public List<ObservedEvent> takeEvents() {
        drain();
        List<ObservedEvent> out = List.copyOf(journal.timeline);
        journal.timeline.clear();
        return out;
    }

    @Override
    public List<PageError> takePageErrors() {
        drain();
        List<PageError> out = List.copyOf(journal.errors);
        journal.errors.clear();
        return out;
    }

    /** Every journal entry so far: API calls (simulated ones marked), sheets, modals, toasts, navigation. */
    public List<WxEvent> events() {
        drain();
        return List.copyOf(allEvents);
    }

    @Override
    public ObservedStorage storage() throws SessionException {
        List<ObservedStorage.Entry> entries = new ArrayList<>();
        for (JsonElement e : runtime.call("storage", new JsonObject()).getAsJsonArray("entries")) {
            JsonObject o = e.getAsJsonObject();
            entries.add(new ObservedStorage.Entry("wxStorage", journalOrigin(), o.get("key").getAsString(), o.get("value").getAsString()));
        }
        return new ObservedStorage(entries);
    }

    private String journalOrigin() {
        return "miniprogram";
    }

    @Override
    public void abort() {
        runtime.kill();
    }

    @Override
    public void close() {
        runtime.close();
    }

    private void drain() {
        if (!runtime.alive()) {
            return;
        }
        try {
            JsonArray entries = runtime.call("take", new JsonObject()).getAsJsonArray("entries");
            int before = journal.events.size();
            journal.read(entries, this::quietText);
            allEvents.addAll(journal.events.subList(before, journal.events.size()));
        } catch (SessionException e) {
            // a stopped runtime has nothing more to give; the step that stopped it says so
        }
    }

    private String quietText() {
        try {
            return visibleText();
        } catch (SessionException e) {
            return "";
        }
    }

    private JsonObject snapshot(boolean hideTyped) throws SessionException {
        JsonObject a = new JsonObject();
        a.addProperty("hideTyped", hideTyped);
        return runtime.call("snapshot", a);
    }

    private JsonObject located(Locator locator, Duration timeout) {
        JsonObject l = new JsonObject();
        l.addProperty("kind", locator.kind().id());
        l.addProperty("value", locator.value());
        JsonObject a = new JsonObject();
        a.add("locator", l);
        a.addProperty("timeoutMs", timeout == null ? 0 : timeout.toMillis());
        return a;
    }

    /** A command may wait its step's timeout inside the runtime, plus the time to answer. */
    private long wait(Duration timeout) {
        return (timeout == null ? 0 : timeout.toMillis()) + commandMillis;
    }

    private static String text(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }
}
