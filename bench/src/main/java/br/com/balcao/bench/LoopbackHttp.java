package br.com.balcao.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
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
 * HTTP/1.1 requests over one kept-alive connection per thread, written and read by hand: the JDK's HTTP client
 * took 0.5–0.8 ms of CPU per request, on the same two cores as the app it measures, and as much again in
 * latency on a request the app answers in one millisecond; this takes a few tens of microseconds. Reads the
 * status, the headers and the body (Content-Length or chunked), and opens a new connection when the server
 * closes one.
 */
final class LoopbackHttp {

    private static final int TIMEOUT_MILLIS = 90_000; // beyond the app's own 30 s pool timeout, to see its answer

    /** An answer: its status and, when asked for, its body. */
    record Response(int status, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final URI base;
    private final ThreadLocal<Connection> connections = new ThreadLocal<>();

    LoopbackHttp(URI base) {
        this.base = base;
    }

    /** Posts the body to the base URI's path with the headers ("Name: value"); the answer's status. */
    int post(byte[] body, String... headers) throws IOException {
        return exchange("POST " + base.getRawPath(), body, false, headers).status();
    }

    /** GETs the path and query, relative to the base URI's host, with the headers ("Name: value"). */
    Response get(String pathAndQuery, String... headers) throws IOException {
        return exchange("GET " + pathAndQuery, null, true, headers);
    }

    private Response exchange(String requestLine, byte[] body, boolean keepBody, String... headers) throws IOException {
        StringBuilder head = new StringBuilder(256).append(requestLine).append(" HTTP/1.1\r\nHost: ")
                .append(base.getHost()).append(':').append(base.getPort()).append("\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        Connection connection = connections.get();
        if (connection == null || connection.socket.isClosed()) {
            connection = new Connection(base);
            connections.set(connection);
        }
        try {
            return connection.exchange(head.toString().getBytes(StandardCharsets.ISO_8859_1), body, keepBody);
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

        Response exchange(byte[] head, byte[] body, boolean keepBody) throws IOException {
            out.write(head);
            if (body != null) {
                out.write(body);
            }
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
            ByteArrayOutputStream kept = keepBody ? new ByteArrayOutputStream(8 * 1024) : null;
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].strip(), 16); size > 0;
                     size = Long.parseLong(line().split(";")[0].strip(), 16)) {
                    read(size, kept);
                    line();
                }
                line();
            } else {
                read(length, kept);
            }
            if (close) {
                close();
            }
            return new Response(code, kept == null ? new byte[0] : kept.toByteArray());
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

        /** Reads the bytes into {@code kept}, or skips them when it is null. */
        private void read(long bytes, ByteArrayOutputStream kept) throws IOException {
            byte[] buffer = kept == null ? null : new byte[8 * 1024];
            for (long left = bytes; left > 0; ) {
                long done = kept == null ? in.skip(left) : in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (done <= 0) {
                    int one = in.read();
                    if (one < 0) {
                        throw new EOFException("the server closed the connection");
                    }
                    if (kept != null) {
                        kept.write(one);
                    }
                    done = 1;
                } else if (kept != null) {
                    kept.write(buffer, 0, (int) done);
                }
                left -= done;
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
