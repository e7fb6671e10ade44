package br.com.balcao.shared.database.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import io.zonky.test.db.postgres.util.LinuxUtils;

/** Runs PostgreSQL's own programs on one data directory: {@code initdb} and {@code pg_ctl}. */
final class PostgresCommands {

    private static final long TIMEOUT_SECONDS = 120;

    private final PostgresBinaries binaries;
    private final Path dataDirectory;

    PostgresCommands(PostgresBinaries binaries, Path dataDirectory) {
        this.binaries = binaries;
        this.dataDirectory = dataDirectory;
    }

    void initdb(Path passwordFile) {
        run(binaries.program("initdb"), "-D", dataDirectory.toString(), "-U", "postgres", "--auth=scram-sha-256",
                "--pwfile=" + passwordFile, "-E", "UTF-8", "--locale=C.UTF-8");
    }

    /** Starts the server and waits until it accepts connections (crash recovery included). */
    void start(Path logFile) {
        run(binaries.program("pg_ctl"), "-D", dataDirectory.toString(), "-l", logFile.toString(), "-w", "-t", "600", "start");
    }

    /** A fast shutdown: open transactions are rolled back, a checkpoint is written, the server stops. */
    void stop() {
        stop(binaries.program("pg_ctl"));
    }

    /** Stops the server with another installation's {@code pg_ctl} (the one a leftover server came from). */
    void stop(Path pgCtl) {
        run(pgCtl, "-D", dataDirectory.toString(), "-m", "fast", "-w", "-t", "60", "stop");
    }

    private static void run(Path program, String... arguments) {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            // PostgreSQL refuses to run as root; in a user namespace of its own it runs as an unprivileged user.
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(program.toString());
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(program.getFileName() + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(program.getFileName() + " " + arguments[arguments.length - 1]
                        + " failed (exit " + process.exitValue() + "): " + new String(output, StandardCharsets.UTF_8).trim());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + program, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + program, e);
        }
    }
}
