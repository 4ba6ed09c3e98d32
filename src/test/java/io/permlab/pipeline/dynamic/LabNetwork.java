package io.permlab.pipeline.dynamic;

import io.permlab.capture.proxy.LabCa;
import io.permlab.capture.proxy.LocalHttpsServer;
import io.permlab.capture.proxy.ProxyClients;
import io.permlab.capture.proxy.ProxyOptions;
import io.permlab.capture.proxy.UpstreamTrust;
import io.permlab.device.storage.AppStorageReader;
import io.permlab.device.uiautomator.ScriptedDevice;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;

/**
 * The network around a scripted phone in the Android and WeChat pipeline tests, real but for adb: an HTTPS backend
 * ({@link LocalHttpsServer}, for the class), the proxy setting's adb double ({@link io.permlab.device.adbproxy.ScriptedDevice},
 * fresh for each test) and the capture plan that runs the real lab proxy with its CA in {@code caDir}. "The app"
 * sends through whatever proxy the run set on the device, with a client that trusts the lab CA or one that trusts no
 * user CA (as apps targeting Android 7+ and WeChat do).
 */
final class LabNetwork implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
    private LocalHttpsServer backend;
    private io.permlab.device.adbproxy.ScriptedDevice proxyAdb;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        backend = new LocalHttpsServer();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        backend.close();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        proxyAdb = new io.permlab.device.adbproxy.ScriptedDevice(ScriptedDevice.SERIAL, null);
    }

    /** What the run did to the device's proxy setting (and what it may be made to refuse). */
    io.permlab.device.adbproxy.ScriptedDevice proxyAdb() {
        return proxyAdb;
    }

    /** The run's capture: the lab proxy on loopback, trusting the backend's certificate upstream. */
    DeviceCapturePlan plan(Path caDir) {
        return new DeviceCapturePlan(caDir, ProxyOptions.loopback().trusting(UpstreamTrust.system().plus(backend.certificate())),
                () -> proxyAdb, AppStorageReader.Limits.defaults());
    }

    String url(String host, String path) {
        return backend.url(host, path);
    }

    /** The proxy the run set on the device, or null when none is set (an app then goes straight out, unseen). */
    InetSocketAddress devicesProxy() {
        String setting = proxyAdb.httpProxy();
        if (setting == null || setting.equals(":0")) {
            return null;
        }
        int colon = setting.lastIndexOf(':');
        return new InetSocketAddress(setting.substring(0, colon), Integer.parseInt(setting.substring(colon + 1)));
    }

    /** A client through the device's proxy that trusts the lab CA, as a user who installed it would have. */
    HttpClient trustingTheLabCa(Path caDir) throws Exception {
        return through().sslContext(ProxyClients.trusting(LabCa.loadOrCreate(caDir).certificate())).build();
    }

    /** A client through the device's proxy that trusts the system store only: its handshake with the proxy fails. */
    HttpClient trustingNoUserCa() throws NoSuchAlgorithmException {
        return through().sslContext(SSLContext.getDefault()).build();
    }

    private HttpClient.Builder through() {
        InetSocketAddress proxy = devicesProxy();
        if (proxy == null) {
            throw new AssertionError("the device does not point at the lab proxy during the run");
        }
        return HttpClient.newBuilder().proxy(ProxySelector.of(proxy)).connectTimeout(Duration.ofSeconds(10));
    }

    static void postJson(HttpClient client, String url, String json) throws IOException, InterruptedException {
        client.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends with a client that must be refused; then gives the proxy's event loop time to note the failed handshake. */
    static void refused(HttpClient client, String url) throws InterruptedException {
        try {
            client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException expected) {
            Thread.sleep(300);
            return;
        }
        throw new AssertionError("a client that does not trust the lab CA got through");
    }
}
