package br.com.balcao.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the machine's CPU went during a period, from /proc: the app's JVM, its PostgreSQL (the postmaster
 * named in the data directory's postmaster.pid, with its children, living and exited), this generator, and
 * the machine as a whole. Linux only; on anything else every figure reads zero.
 */
final class CpuMeter {

    /** Clock ticks used up to a moment, per party, and the whole machine's busy and total ticks. */
    record Sample(long app, long postgres, long generator, long machineBusy, long machineTotal, long nanoTime) {
    }

    /** A period's use, in CPU seconds per party, and the machine's busy share. */
    record Use(double seconds, double app, double postgres, double generator, double machineBusyShare,
               int cores) {
    }

    private final long appPid;
    private final Path pgData;
    private final int clockTicks;

    CpuMeter(long appPid, Path pgData, int clockTicks) {
        this.appPid = appPid;
        this.pgData = pgData;
        this.clockTicks = clockTicks;
    }

    boolean knowsParties() {
        return appPid > 0 && pgData != null;
    }

    Sample sample() {
        long postgres = 0;
        Optional<Long> postmaster = postmasterPid();
        if (postmaster.isPresent()) {
            postgres = ticks(postmaster.get(), true);
            postgres += ProcessHandle.of(postmaster.get()).map(p -> p.descendants().mapToLong(d -> ticks(d.pid(), false)).sum())
                    .orElse(0L);
        }
        long[] machine = machine();
        return new Sample(appPid > 0 ? ticks(appPid, false) : 0, postgres, ticks(ProcessHandle.current().pid(), false),
                machine[0], machine[1], System.nanoTime());
    }

    Use between(Sample before, Sample after) {
        double ticks = clockTicks;
        long total = after.machineTotal - before.machineTotal;
        return new Use((after.nanoTime - before.nanoTime) / 1e9, (after.app - before.app) / ticks,
                (after.postgres - before.postgres) / ticks, (after.generator - before.generator) / ticks,
                total == 0 ? 0 : (after.machineBusy - before.machineBusy) / (double) total,
                Runtime.getRuntime().availableProcessors());
    }

    private Optional<Long> postmasterPid() {
        if (pgData == null) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pgData.resolve("postmaster.pid"));
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** utime + stime (+ the waited-for children's, for a parent that reaps its workers). */
    private static long ticks(long pid, boolean withChildren) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is the state (field 3); utime is field 14, stime 15, cutime 16, cstime 17
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            if (withChildren) {
                ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
            }
            return ticks;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The machine's busy and total ticks from the first line of /proc/stat. */
    private static long[] machine() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/stat"))) {
            String[] cpu = lines.findFirst().orElse("").trim().split("\\s+");
            long total = 0;
            long idle = 0;
            for (int i = 1; i < cpu.length && i <= 8; i++) {
                long value = Long.parseLong(cpu[i]);
                total += value;
                if (i == 4 || i == 5) { // idle, iowait
                    idle += value;
                }
            }
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }
}
