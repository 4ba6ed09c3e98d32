package io.permlab.pipeline.site;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a bare socket to 127.0.0.1, so that a test controls exactly what the server sees: the Host header
 * (java.net.http refuses to set it) and request targets such as {@code /../secret} that URL classes would reject
 * or clean up.
 */
final class RawHttp {
    record Response(int status, Map<String, String> headers, byte[] body, List<X509Certificate> peerCertificates) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private RawHttp() {
    }

    static Response get(int port, String host, String target) throws IOException {
        return send(port, host, "GET", target, null);
    }

    static Response send(int port, String host, String method, String target, String body) throws IOException {
        try (Socket socket = connect(port)) {
            return exchange(socket, host, method, target, body, List.of());
        }
    }

    /** Over TLS, with {@code host} as SNI name; the handshake is judged by {@code tls}'s trust managers. */
    static Response sendTls(SSLContext tls, int port, String host, String method, String target) throws IOException {
        try (Socket plain = connect(port);
             SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(plain, host, port, true)) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setServerNames(List.of(new SNIHostName(host)));
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            List<X509Certificate> peer = Arrays.stream(socket.getSession().getPeerCertificates())
                    .map(X509Certificate.class::cast).toList();
            return exchange(socket, host, method, target, null, peer);
        }
    }

    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static Response exchange(Socket socket, String host, String method, String target, String body,
                                     List<X509Certificate> peer) throws IOException {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
        if (host != null) {
            head.append("Host: ").append(host).append("\r\n");
        }
        head.append("Connection: close\r\n");
        if (body != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(content.length).append("\r\n");
        }
        head.append("\r\n");
        OutputStream out = socket.getOutputStream();
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(content);
        out.flush();
        return parse(socket.getInputStream(), method.equals("HEAD"), peer);
    }

    private static Response parse(InputStream in, boolean head, List<X509Certificate> peer) throws IOException {
        String statusLine = readLine(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        String length = headers.get("content-length");
        byte[] body = head || length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length));
        return new Response(status, headers, body, peer);
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed inside the response head");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
