package io.permlab.device.web;

import org.openqa.selenium.Capabilities;
import org.openqa.selenium.devtools.CdpInfo;
import org.openqa.selenium.devtools.CdpVersionFinder;
import org.openqa.selenium.devtools.Command;
import org.openqa.selenium.devtools.Connection;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.Event;
import org.openqa.selenium.devtools.SeleniumCdpConnection;
import org.openqa.selenium.devtools.idealized.target.model.SessionID;
import org.openqa.selenium.json.JsonInput;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Raw Chrome DevTools protocol over Selenium's DevTools connection: commands and events as maps, so the same code
 * works whether the browser came from a local ChromeDriver, a Selenium Grid or an Appium server, and whatever
 * Chromium version answers. Commands go to the page's session; {@link #sendTo} reaches a child target's session (a
 * worker's), whose events Selenium hands to the same listeners as the page's.
 */
final class CdpClient implements AutoCloseable {
    private static final Type MAP = Map.class;
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final DevTools devTools;
    private final Connection connection;

    private CdpClient(DevTools devTools, Connection connection) {
        this.devTools = devTools;
        this.connection = connection;
    }

    /**
     * A connection to the browser a WebDriver session reported (its {@code se:cdp} address: ChromeDriver's, the Grid's
     * relay, Appium's), attached to the session's page. PermLab keeps the connection itself, not the driver's, because
     * a worker's commands need the session id of their own target.
     */
    static CdpClient connect(Capabilities caps) {
        return connect(caps, null);
    }

    /** The same, attached to the page whose target id is {@code page} (null: the browser's only page). */
    static CdpClient connect(Capabilities caps, String page) {
        Connection connection = SeleniumCdpConnection.create(caps)
                .orElseThrow(() -> new IllegalStateException("the session reported no DevTools address for the browser"));
        CdpInfo info = new CdpVersionFinder().match(caps.getBrowserVersion())
                .orElseThrow(() -> new IllegalStateException("no DevTools support for Chromium " + caps.getBrowserVersion()));
        DevTools devTools = new DevTools(info::getDomains, connection);
        if (page == null) {
            devTools.createSession();
        } else {
            devTools.createSession(page);
        }
        return new CdpClient(devTools, connection);
    }

    Map<String, Object> send(String method, Map<String, Object> params) {
        return send(method, params, TIMEOUT);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> send(String method, Map<String, Object> params, Duration timeout) {
        Map<String, Object> result = devTools.send(new Command<Map<String, Object>>(method, params, MAP), timeout);
        return result == null ? Map.of() : result;
    }

    /** A command to a child target's session, not waited for: it is sent from event handlers. */
    void sendTo(String sessionId, String method, Map<String, Object> params) {
        connection.send(new SessionID(sessionId), new Command<Map<String, Object>>(method, params, MAP))
                .exceptionally(e -> null); // the target may be gone already; nothing of it is lost by not asking
    }

    /** A command to a child target's session, waited for. */
    @SuppressWarnings("unchecked")
    Map<String, Object> sendTo(String sessionId, String method, Map<String, Object> params, Duration timeout) {
        Map<String, Object> result = connection.sendAndWait(new SessionID(sessionId), new Command<Map<String, Object>>(method, params, MAP), timeout);
        return result == null ? Map.of() : result;
    }

    /** A command to the browser itself (no target's session), waited for. */
    @SuppressWarnings("unchecked")
    Map<String, Object> sendToBrowser(String method, Map<String, Object> params) {
        Map<String, Object> result = connection.sendAndWait(null, new Command<Map<String, Object>>(method, params, MAP), TIMEOUT);
        return result == null ? Map.of() : result;
    }

    void on(String event, Consumer<Map<String, Object>> handler) {
        devTools.addListener(new Event<Map<String, Object>>(event, CdpClient::readMap), handler);
    }

    private static Map<String, Object> readMap(JsonInput input) {
        return input.read(MAP);
    }

    @Override
    public void close() {
        try {
            // Only the listeners: DevTools.clearListeners would first disable every domain and wait for each, and
            // a page with a dialog open answers none of them (30 s here). The socket closed is every session on it
            // detached, and each of its agents (network, interception) gone with it.
            connection.clearListeners();
            connection.close();
        } catch (RuntimeException ignored) {
            // the browser may already be gone; nothing is lost by not closing a dead connection
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** A DevTools array of objects (Target.getTargets' targetInfos …); anything else is an empty list. */
    static List<Map<String, Object>> list(Object o) {
        return o instanceof List<?> l ? l.stream().map(CdpClient::map).toList() : List.of();
    }

    static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
