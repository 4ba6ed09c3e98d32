package io.permlab.device.uiautomator;

import io.appium.java_client.android.options.UiAutomator2Options;
import io.permlab.device.adb.AdbException;
import io.permlab.device.adb.AdbShell;
import io.permlab.device.adb.AttachedDevice;
import io.permlab.device.android.Locator;
import io.permlab.exercise.SessionException;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A TEST DOUBLE AT THE adb/Appium BOUNDARY ONLY — no device exists on the machines this is built on. It stands for one
 * attached phone: {@code adb devices -l} lists it, its shell answers {@code getprop}, {@code dumpsys package},
 * {@code appops get}, {@code pidof} and {@code logcat} with recorded outputs (src/test/resources/android/, sources in
 * each folder's README), and its UI shows recorded UiAutomator2 page sources. Locators are evaluated against the
 * current page source as XPath, the way UiAutomator2 matches them; a tap on a scripted element moves to the next
 * screen and may change the package state, as the app and the permission controller would. Everything PermLab does
 * above this boundary — reset, launch, flow, dialog recognition, answer policy, diff, evidence — runs for real.
 * With {@link #webContexts} it also offers Appium's WebView contexts (a mini-program inside WeChat): in a WEBVIEW
 * context locators see only what lies inside the screen's WebView node, as chromedriver sees only the page, and
 * dialog choices cannot be tapped, as chromedriver cannot reach native views.
 */
public final class ScriptedDevice implements DeviceLink {
    public static final String SERIAL = "R5CT20SCRIPTED";

    private final String apiLevel;
    private final Map<String, Consumer<ScriptedDevice>> taps = new HashMap<>();
    private final List<String> shellLog = new ArrayList<>();
    private final List<String> dialogTaps = new ArrayList<>();
    private String webPage;
    /** What the flow typed, in order: what the app under test reads from its fields. */
    private final List<String> typed = new ArrayList<>();
    private final List<UiAutomator2Options> sessions = new ArrayList<>();
    private final String freshState;
    /** The launcher, before the app starts: nothing of the app's on screen. */
    private String screen = "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?><hierarchy index=\"0\" class=\"hierarchy\" rotation=\"0\" width=\"1080\" height=\"2400\"/>";
    private String homeScreen;
    private String packageState;
    private String appOps = "No operations.\n";
    private String appOpsDump;
    private boolean attached = true;
    private int launches;
    private Consumer<ScriptedDevice> onRelaunch;
    private ShellAnswer extraShell = command -> null;
    /** What the screen's screenshot is; unset, a few bytes naming the screen (not an image). */
    private byte[] png;
    private List<String> webContexts = List.of();
    private final List<String> contextSwitches = new ArrayList<>();
    private String context = HybridDriver.NATIVE;

    /** More of the device's shell: the answer to a command, null when this does not know it; may fail as adb does. */
    public interface ShellAnswer {
        String answer(String command) throws AdbException;
    }

    public ScriptedDevice(String apiLevel, String freshState) {
        this.apiLevel = apiLevel;
        this.freshState = freshState;
        this.packageState = freshState;
    }

    /** Recorded fixture text under src/test/resources/android/. */
    public static String fixture(String path) {
        try (InputStream in = ScriptedDevice.class.getResourceAsStream("/android/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture android/" + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public ScriptedDevice home(String pageSource) {
        this.homeScreen = pageSource;
        return this;
    }

    /** When an element whose resource id or text is {@code key} is tapped, {@code then} runs (shows a screen, changes state). */
    public ScriptedDevice onTap(String key, Consumer<ScriptedDevice> then) {
        taps.put(key, then);
        return this;
    }

    /** What {@code dumpsys appops --package} prints; unset, the command fails as on a device whose dump has no package. */
    public ScriptedDevice appOpsDump(String output) {
        this.appOpsDump = output;
        return this;
    }

    public ScriptedDevice appOps(String output) {
        this.appOps = output;
        return this;
    }

    /** What the app shows when it is launched again within one session (after a force-stop). */
    public ScriptedDevice onRelaunch(Consumer<ScriptedDevice> then) {
        this.onRelaunch = then;
        return this;
    }

    /** Answers shell commands the defaults do not (run-as, su, the app's files), before the defaults. */
    public ScriptedDevice shell(ShellAnswer answers) {
        this.extraShell = answers;
        return this;
    }

    /** Every screenshot is this PNG (made by the test), so that what is kept of it can be decoded and checked. */
    public ScriptedDevice screenshots(byte[] png) {
        this.png = png.clone();
        return this;
    }

    /** The WEBVIEW contexts Appium lists besides NATIVE_APP (what getContextHandles returns). */
    public ScriptedDevice webContexts(String... names) {
        this.webContexts = List.of(names);
        return this;
    }

    /** Every context the session switched to, in order. */
    public List<String> contextSwitches() {
        return contextSwitches;
    }

    public ScriptedDevice detached() {
        attached = false;
        return this;
    }

    /** What Appium's page source gives in a WEBVIEW context from now on: the page's HTML, as chromedriver returns it. */
    public void showWebPage(String html) {
        webPage = html;
    }

    public void show(String pageSource) {
        this.screen = pageSource;
    }

    public void packageState(String dumpsys) {
        this.packageState = dumpsys;
    }

    public String packageState() {
        return packageState;
    }

    public List<String> shellLog() {
        return shellLog;
    }

    /** The texts typed into the app's fields, in order. */
    public List<String> typed() {
        return List.copyOf(typed);
    }

    public List<String> dialogTaps() {
        return dialogTaps;
    }

    public List<UiAutomator2Options> sessions() {
        return sessions;
    }

    @Override
    public List<AttachedDevice> devices() {
        return attached ? List.of(new AttachedDevice(SERIAL, "device", Map.of("model", "SM_S911B", "transport_id", "1"))) : List.of();
    }

    @Override
    public AdbShell shell(String serial) {
        return new AdbShell() {
            @Override
            public String serial() {
                return serial;
            }

            @Override
            public String shell(String command, Duration timeout) throws AdbException {
                shellLog.add(command);
                String extra = extraShell.answer(command);
                if (extra != null) {
                    return extra;
                }
                if (command.equals("getprop ro.build.version.sdk")) {
                    return apiLevel + "\n";
                }
                if (command.startsWith("dumpsys package ")) {
                    return packageState;
                }
                if (command.startsWith("dumpsys appops ")) {
                    if (appOpsDump == null) {
                        throw new AdbException("'" + command + "' exited 1: no dump recorded for this scripted device");
                    }
                    return appOpsDump;
                }
                if (command.startsWith("appops get ")) {
                    return appOps;
                }
                if (command.startsWith("pm clear ")) {
                    packageState = freshState; // clearing data resets the user's answers too (AOSP, Android 6+)
                    return "Success\n";
                }
                if (command.startsWith("pidof ")) {
                    return "4242\n";
                }
                if (command.startsWith("logcat ")) {
                    return "12-06 08:00:01.000  4242  4242 I Delivery: phone 13812345678 saved\n";
                }
                return "";
            }

            @Override
            public void install(Path apk, Duration timeout) {
                shellLog.add("install " + apk.getFileName());
            }
        };
    }

    @Override
    public DeviceDriver driver(UiAutomator2Options options) throws SessionException {
        sessions.add(options);
        launches = 0;
        context = HybridDriver.NATIVE;
        return new HybridDriver() {
            @Override
            public java.util.Set<String> contexts() {
                java.util.Set<String> all = new java.util.LinkedHashSet<>();
                all.add(HybridDriver.NATIVE);
                all.addAll(webContexts);
                return all;
            }

            @Override
            public String context() {
                return context;
            }

            @Override
            public void switchTo(String name) throws SessionException {
                if (!contexts().contains(name)) {
                    throw new SessionException(SessionException.Kind.SESSION_ERROR, "No such context found: " + name);
                }
                context = name;
                contextSwitches.add(name);
            }

            @Override
            public void launch(String appPackage, String activity) {
                screen = homeScreen;
                if (++launches > 1 && onRelaunch != null) {
                    onRelaunch.accept(ScriptedDevice.this);
                }
            }

            @Override
            public Presence find(io.permlab.model.flow.Locator locator) throws SessionException {
                return count(xpath(locator)) > 0 ? Presence.READY : Presence.ABSENT;
            }

            @Override
            public void tap(io.permlab.model.flow.Locator locator) throws SessionException {
                if (count(xpath(locator)) == 0) {
                    throw new SessionException(SessionException.Kind.ELEMENT_NOT_FOUND, "no " + locator);
                }
                Consumer<ScriptedDevice> then = taps.get(locator.value());
                if (then != null) {
                    then.accept(ScriptedDevice.this);
                }
            }

            @Override
            public void type(io.permlab.model.flow.Locator locator, String text) {
                typed.add(text);
            }

            @Override
            public void scroll(io.permlab.model.flow.Locator locator) {
            }

            @Override
            public void tapDialogChoice(Locator locator) throws SessionException {
                if (!HybridDriver.NATIVE.equals(context)) {
                    throw new SessionException(SessionException.Kind.ELEMENT_NOT_FOUND, "a native view cannot be reached from " + context);
                }
                String x = locator.kind() == Locator.Kind.RESOURCE_ID ? "//*[@resource-id='" + locator.value() + "']" : locator.value();
                if (count(x) == 0) {
                    throw new SessionException(SessionException.Kind.ELEMENT_NOT_FOUND, "no dialog choice " + locator.value());
                }
                dialogTaps.add(locator.value());
                Consumer<ScriptedDevice> then = taps.get(locator.value());
                if (then != null) {
                    then.accept(ScriptedDevice.this);
                }
            }

            @Override
            public void back() {
            }

            /** As UiAutomator2's alert endpoints: an AlertDialog is found by its android:id/message, in the native context. */
            @Override
            public String alertText() throws SessionException {
                if (!HybridDriver.NATIVE.equals(context)) {
                    return null;
                }
                try {
                    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                            .parse(new ByteArrayInputStream(screen.getBytes(StandardCharsets.UTF_8)));
                    String words = (String) XPathFactory.newInstance().newXPath()
                            .evaluate("string(//*[@resource-id='android:id/message']/@text)", doc, XPathConstants.STRING);
                    return words.isEmpty() ? null : words;
                } catch (Exception e) {
                    throw new SessionException(SessionException.Kind.SESSION_ERROR, "scripted device: " + e.getMessage());
                }
            }

            /** Taps the alert's android:id/button1 (accept) or android:id/button2 (dismiss), as UiAutomator2 does. */
            @Override
            public void answerAlert(boolean accept, String text) throws SessionException {
                String button = accept ? "android:id/button1" : "android:id/button2";
                if (alertText() == null || count("//*[@resource-id='" + button + "']") == 0) {
                    throw new SessionException(SessionException.Kind.SESSION_ERROR, "An attempt was made to operate on a modal dialog when one was not open");
                }
                if (text != null) {
                    typed.add(text);
                }
                dialogTaps.add(button);
                Consumer<ScriptedDevice> then = taps.get(button);
                if (then != null) {
                    then.accept(ScriptedDevice.this);
                }
            }

            @Override
            public String pageSource() {
                if (HybridDriver.NATIVE.equals(context)) {
                    return screen;
                }
                return webPage != null ? webPage : "<html><!-- the web page of " + context + " --></html>";
            }

            @Override
            public byte[] screenshot() {
                return png != null ? png.clone() : ("PNG of " + screen.length() + " chars").getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public void quit() {
            }
        };
    }

    @Override
    public String describe() {
        return "scripted device";
    }

    private static String xpath(io.permlab.model.flow.Locator l) {
        return switch (l.kind()) {
            case TEXT -> "//*[@text='" + l.value() + "']";
            case ID -> "//*[@resource-id='" + l.value() + "' or substring(@resource-id, string-length(@resource-id) - "
                    + (l.value().length() + 3) + ")=':id/" + l.value() + "']"; // XPath positions start at 1
            case ACCESSIBILITY_ID -> "//*[@content-desc='" + l.value() + "']";
            case XPATH -> l.value();
            default -> throw new IllegalArgumentException("the scripted device does not evaluate " + l);
        };
    }

    /** What chromedriver would see: the first WebView node's content as a document of its own (empty when none). */
    private static Document webViewOnly(DocumentBuilderFactory f, Document screenDoc) throws Exception {
        Document web = f.newDocumentBuilder().newDocument();
        org.w3c.dom.Element root = web.createElement("html");
        web.appendChild(root);
        NodeList views = (NodeList) XPathFactory.newInstance().newXPath()
                .evaluate("//*[contains(@class, 'WebView')]", screenDoc, XPathConstants.NODESET);
        if (views.getLength() > 0) {
            NodeList children = views.item(0).getChildNodes();
            for (int i = 0; i < children.getLength(); i++) {
                root.appendChild(web.importNode(children.item(i), true));
            }
        }
        return web;
    }

    private int count(String xpath) throws SessionException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(screen.getBytes(StandardCharsets.UTF_8)));
            if (!HybridDriver.NATIVE.equals(context)) {
                doc = webViewOnly(f, doc);
            }
            return ((NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.NODESET)).getLength();
        } catch (Exception e) {
            throw new SessionException(SessionException.Kind.SESSION_ERROR, "scripted device: " + e.getMessage());
        }
    }
}
