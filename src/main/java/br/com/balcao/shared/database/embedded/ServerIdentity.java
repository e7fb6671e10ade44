package br.com.balcao.shared.database.embedded;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;

/**
 * The port and the superuser's password of one embedded data directory, kept in a file inside it that only the
 * app's user may read. The port stays the same for the directory's whole life, so that a server left running by
 * a crashed app, the connection pool and a restored copy all agree on where the server is.
 */
record ServerIdentity(int port, String password) {

    static final String FILE = "balcao-server.properties";

    static Optional<ServerIdentity> readFrom(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
        return Optional.of(new ServerIdentity(Integer.parseInt(properties.getProperty("port").trim()),
                properties.getProperty("password")));
    }

    /** A new identity: the configured port (or a free one when 0) and a random password. */
    static ServerIdentity create(int configuredPort) {
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        return new ServerIdentity(configuredPort > 0 ? configuredPort : freePort(),
                Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    void writeTo(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE);
        Properties properties = new Properties();
        properties.setProperty("port", Integer.toString(port));
        properties.setProperty("password", password);
        try {
            writeOwnerOnly(file);
            try (Writer writer = Files.newBufferedWriter(file)) {
                properties.store(writer, "The embedded PostgreSQL of this data directory (user postgres)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    /** Creates {@code file} empty, readable and writable by its owner alone, before anything secret goes in. */
    static void writeOwnerOnly(Path file) throws IOException {
        Files.deleteIfExists(file);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
    }

    ServerIdentity withPort(int configuredPort) {
        return configuredPort > 0 && configuredPort != port ? new ServerIdentity(configuredPort, password) : this;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free port for the embedded PostgreSQL", e);
        }
    }

    @Override
    public String toString() {
        return "ServerIdentity[port=" + port + "]";
    }
}
