package br.com.balcao.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 POSTs over one kept-alive connection per thread, written and read by hand: the JDK's HTTP client
 * took 0.5–0.8 ms of CPU per request, on the same two cores as the app it measures; this takes a few tens of
 * microseconds. Reads the status, the headers and the body (Content-Length or chunked), and opens a new
 * connection when the server closes one.
 */
final class LoopbackPoster {

    private static final int TIMEOUT_MILLIS = 90_000; // beyond the app's own 30 s pool timeout, to see its answer

    private final URI uri;
    private final ThreadLocal<Connection> connections = new ThreadLocal<>();

    LoopbackPoster(URI uri) {
        this.uri = uri;
    }

    /** Posts the JSON body with the signature header; the answer's status. */
    int post(byte[] body, String signature) throws IOException {
        Connection connection = connections.get();
        if (connection == null || connection.socket.isClosed()) {
            connection = new Connection(uri);
            connections.set(connection);
        }
        try {
            return connection.post(uri, body, signature);
        } catch (IOException e) {
            connection.close();
            connections.remove();
            throw e;
        }
    }

    private static final class Connection {

        final Socket socket = new Socket();
        final OutputStream out;
        final InputStream in;

        Connection(URI uri) throws IOException {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
            out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        }

        int post(URI uri, byte[] body, String signature) throws IOException {
            String head = "POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nContent-Type: application/json\r\nX-Hub-Signature-256: " + signature
                    + "\r\nContent-Length: " + body.length + "\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            String status = line();
            int code = Integer.parseInt(status.substring(9, 12));
            long length = 0;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).strip());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].strip(), 16); size > 0;
                     size = Long.parseLong(line().split(";")[0].strip(), 16)) {
                    skip(size);
                    line();
                }
                line();
            } else {
                skip(length);
            }
            if (close) {
                close();
            }
            return code;
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new EOFException("the server closed the connection");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        private void skip(long bytes) throws IOException {
            for (long left = bytes; left > 0; ) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new EOFException("the server closed the connection");
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a connection we no longer use
            }
        }
    }
}
