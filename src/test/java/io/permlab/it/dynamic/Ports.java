package io.permlab.it.dynamic;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/** Loopback ports: a free one to hand to a server, and whether anything still listens on one. */
final class Ports {
    private Ports() {
    }

    static InetAddress loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static int free() {
        try (ServerSocket s = new ServerSocket(0, 1, loopback())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    /** True when nothing accepts connections on 127.0.0.1:port. */
    static boolean nobodyListens(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(loopback(), port), 500);
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** Waits until nothing listens on the port any more; false when it still does after {@code timeout}. */
    static boolean awaitClosed(int port, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (nobodyListens(port)) {
                return true;
            }
            Thread.sleep(200);
        }
        return nobodyListens(port);
    }
}
