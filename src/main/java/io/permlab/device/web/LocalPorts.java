package io.permlab.device.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A TCP port on 127.0.0.1 that nothing listens on, for a process another program starts (Appium's ChromeDriver). The
 * system picks it; the last few handed out are not handed out again, so two sessions opened at once never get the same
 * one while their ChromeDriver is still starting.
 */
final class LocalPorts {
    private static final int REMEMBERED = 64;
    private static final Deque<Integer> RECENT = new ArrayDeque<>();

    private LocalPorts() {
    }

    static synchronized int free() {
        for (int attempt = 0; attempt < 20; attempt++) {
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException("no free TCP port on 127.0.0.1: " + e.getMessage(), e);
            }
            if (!RECENT.contains(port)) {
                RECENT.addLast(port);
                if (RECENT.size() > REMEMBERED) {
                    RECENT.removeFirst();
                }
                return port;
            }
        }
        throw new IllegalStateException("the system kept offering ports handed out moments ago");
    }
}
