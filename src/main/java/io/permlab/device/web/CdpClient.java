package io.permlab.device.web;

import org.openqa.selenium.devtools.Command;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.Event;
import org.openqa.selenium.json.JsonInput;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Raw Chrome DevTools protocol over Selenium's DevTools connection: commands and events as maps, so the same code
 * works whether the browser came from a local ChromeDriver, a Selenium Grid or an Appium server, and whatever
 * Chromium version answers.
 */
final class CdpClient implements AutoCloseable {
    private static final Type MAP = Map.class;
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final DevTools devTools;

    CdpClient(DevTools devTools) {
        this.devTools = devTools;
    }

    Map<String, Object> send(String method, Map<String, Object> params) {
        return send(method, params, TIMEOUT);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> send(String method, Map<String, Object> params, Duration timeout) {
        Map<String, Object> result = devTools.send(new Command<Map<String, Object>>(method, params, MAP), timeout);
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
            devTools.clearListeners();
            devTools.close();
        } catch (RuntimeException ignored) {
            // the browser may already be gone; nothing is lost by not closing a dead connection
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
