package br.com.balcao.shared.database.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** The server process of a data directory, as its {@code postmaster.pid} names it. */
final class Postmaster {

    private Postmaster() {
    }

    /** The live server process on {@code dataDirectory}, if there is one. */
    static Optional<ProcessHandle> running(Path dataDirectory) {
        return pid(dataDirectory).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive).filter(Postmaster::isPostgres);
    }

    private static Optional<Long> pid(Path dataDirectory) {
        try {
            String first = Files.readAllLines(dataDirectory.resolve("postmaster.pid")).stream().findFirst().orElse("").trim();
            return first.matches("\\d+") ? Optional.of(Long.parseLong(first)) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the server's pid in " + dataDirectory, e);
        }
    }

    /** A stale pid may since have been given to another program; PostgreSQL itself ignores such a pid file. */
    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(Path::of).map(Path::getFileName).map(Path::toString)
                .map(name -> name.equals("postgres") || name.equals("postgres.exe")).orElse(true);
    }

    static Optional<Path> program(ProcessHandle process) {
        return process.info().command().map(Path::of);
    }
}
