package br.com.balcao.shared.database.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Takes a base backup of the running server with PostgreSQL's low-level API, on one connection:
 * {@code pg_backup_start}, a copy of the data directory's files while the server keeps running, then
 * {@code pg_backup_stop}, which waits until the WAL the copy needs is in the archive and answers the
 * {@code backup_label} (and {@code tablespace_map}) that go into the backup. The copy is written into a
 * {@code .partial} folder and renamed once complete, so a backup cut short is never listed.
 */
final class BaseBackupWriter {

    static final DateTimeFormatter NAMES = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    /** How long pg_backup_stop may wait for the archive: beyond it the WAL archive is not working. */
    private static final String ARCHIVE_WAIT = "15min";
    private static final String QUERY_CANCELED = "57014";
    private static final int FILE_MODE = 0600;

    private BaseBackupWriter() {
    }

    private record Start(Instant time, String lsn, String walFile) {
    }

    private record Stop(Instant time, String lsn, String labelFile, String tablespaceMap) {
    }

    /** Takes the backup on {@code connection}, a connection of its own that is closed afterwards. */
    static BaseBackup take(Connection connection, Path dataDirectory, BackupFolder folder) throws SQLException, IOException {
        Instant now = serverTime(connection);
        String name = folder.unusedName(NAMES.format(now));
        Path partial = folder.startPartial(name);
        try {
            Start start = start(connection, name, now);
            Path archive = partial.resolve(BaseBackup.ARCHIVE);
            long dataBytes;
            Stop stop;
            try (TarGzWriter tar = new TarGzWriter(archive)) {
                dataBytes = DataDirectoryCopy.copy(dataDirectory, tar);
                stop = stop(connection);
                tar.addBytes("backup_label", stop.labelFile().getBytes(StandardCharsets.UTF_8), FILE_MODE);
                if (!stop.tablespaceMap().isEmpty()) {
                    tar.addBytes("tablespace_map", stop.tablespaceMap().getBytes(StandardCharsets.UTF_8), FILE_MODE);
                }
            }
            Directories.sync(archive);
            new BaseBackup(name, partial, start.time(), stop.time(), Files.size(archive), dataBytes, start.lsn(),
                    start.walFile(), stop.lsn()).writeManifest(partial);
            return folder.complete(partial, name);
        } catch (SQLException | IOException | RuntimeException e) {
            deleteQuietly(partial, e);
            throw e;
        }
    }

    private static Start start(Connection connection, String name, Instant time) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT lsn::text, pg_walfile_name(lsn) FROM pg_backup_start(?, fast => true) AS lsn")) {
            statement.setString(1, "balcao " + name);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return new Start(time, row.getString(1), row.getString(2));
            }
        }
    }

    private static Stop stop(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET statement_timeout = '" + ARCHIVE_WAIT + "'");
            try (ResultSet row = statement.executeQuery("SELECT lsn::text, labelfile, spcmapfile, clock_timestamp()"
                    + " FROM pg_backup_stop(wait_for_archive => true)")) {
                row.next();
                return new Stop(row.getObject(4, OffsetDateTime.class).toInstant(), row.getString(1), row.getString(2),
                        row.getString(3) == null ? "" : row.getString(3));
            } catch (SQLException e) {
                if (QUERY_CANCELED.equals(e.getSQLState())) {
                    throw new SQLException("The backup's WAL did not reach the archive within " + ARCHIVE_WAIT
                            + " (can the server write into the archive folder? see the server's log)", e);
                }
                throw e;
            }
        }
    }

    private static Instant serverTime(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT clock_timestamp()")) {
            row.next();
            return row.getObject(1, OffsetDateTime.class).toInstant();
        }
    }

    private static void deleteQuietly(Path partial, Exception cause) {
        try {
            Directories.deleteRecursively(partial);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }
}
