package br.com.balcao.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The inbound webhook benchmark (issue 3): signed webhooks from concurrent clients to a running app,
 * a check that every message was stored exactly once, and, on the same database, a plain JDBC loop
 * storing the same rows, for the ratio. Prints a report; exits 1 when a message was lost or duplicated.
 */
public final class WebhookBenchmark {

    private WebhookBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(new Run(options).call() ? 0 : 1);
    }

    /** The app's figures of a run: whether the check passed, msg/s, latency per request, lost and duplicated. */
    record Result(boolean ok, double perSecond, double p50Millis, double p95Millis, long lost, long duplicated) {
    }

    /** Runs the benchmark and prints its report as {@link #main} does, for a caller that runs other load beside it. */
    static Result run(Options options) throws Exception {
        Run run = new Run(options);
        boolean ok = run.call();
        double[] app = run.summaryApp;
        return new Result(ok, app[0], app[1], app[2], (long) app[4], (long) app[5]);
    }

    /** One run, start to report. */
    private static final class Run {

        private final Options options;
        private final CpuMeter cpu;

        Run(Options options) {
            this.options = options;
            this.cpu = new CpuMeter(options.appPid, options.pgData, options.clockTicks);
        }

        boolean call() throws Exception {
            boolean ok;
            try (Database db = new Database(options.jdbcUrl)) {
                String secret = WebhookLoad.secretInForce(options);
                long numberId = db.numberId(options.phoneNumberId);
                line("Balcão inbound webhook benchmark, run %s", options.run);
                line("machine: %d cores; generator on %s %s", Runtime.getRuntime().availableProcessors(),
                        System.getProperty("java.vm.name"), System.getProperty("java.version"));
                line("database settings (app and raw JDBC alike): %s", db.durability());
                line("webhook %s signed with the secret '%s' (the first of %s the app accepted)", options.url, secret,
                        options.secrets);
                line("number %s (id %d, always open: %s); %d customers, %.0f %% of messages from one who wrote "
                                + "before, %.0f %% of requests re-post an answered envelope, %.0f %% are media "
                                + "messages, %.0f %% reactions",
                        options.phoneNumberId, numberId, db.alwaysOpen(numberId), options.customers,
                        options.repeatFraction * 100, options.replayFraction * 100, options.mediaFraction * 100,
                        options.reactionFraction * 100);
                if (!db.alwaysOpen(numberId)) {
                    line("WARNING: this number is not open 24 hours; after hours no ticket is created");
                }
                line("");

                AppResult app = runApp(db, numberId, secret);
                ok = app.ok;
                RawResult raw = options.raw ? runRaw(db) : null;
                if (raw != null) {
                    ok &= raw.ok;
                    line("app / raw JDBC: %.2f (%.0f / %.0f msg/s)", app.outcome.perSecond() / raw.outcome.perSecond(),
                            app.outcome.perSecond(), raw.outcome.perSecond());
                    line("");
                }
                if (options.profileMessages > 1) {
                    profile(db, secret);
                }
                summary(app, raw);
            }
            System.out.flush();
            return ok;
        }

        private record AppResult(Phase.Outcome outcome, boolean ok) {
        }

        private record RawResult(Phase.Outcome outcome, boolean ok) {
        }

        private AppResult runApp(Database db, long numberId, String secret) throws Exception {
            Customers customers = new Customers(options.customers, options.repeatFraction, options.run);
            WebhookLoad load = new WebhookLoad(options, secret, customers);
            String prefix = WebhookLoad.wamidPrefix(options.run);
            long contactsBefore = db.contacts(numberId);
            long ticketsBefore = db.tickets(numberId);
            AtomicLong contactsAtMeasure = new AtomicLong();
            AtomicLong ticketsAtMeasure = new AtomicLong();
            AtomicLong contactsAtEnd = new AtomicLong();
            AtomicLong ticketsAtEnd = new AtomicLong();
            AtomicReference<Database.Activity> activityAtMeasure = new AtomicReference<>();
            AtomicReference<CpuMeter.Sample> cpuAtMeasure = new AtomicReference<>();
            AtomicReference<CpuMeter.Sample> cpuAtEnd = new AtomicReference<>();
            Phase.Outcome outcome = Phase.run("app", options.clients, options.warmupSeconds, options.seconds,
                    i -> load.client(),
                    unchecked(() -> {
                        cpuAtMeasure.set(cpu.sample());
                        contactsAtMeasure.set(db.contacts(numberId));
                        ticketsAtMeasure.set(db.tickets(numberId));
                        activityAtMeasure.set(db.activity());
                    }),
                    unchecked(() -> {
                        cpuAtEnd.set(cpu.sample());
                        contactsAtEnd.set(db.contacts(numberId));
                        ticketsAtEnd.set(db.tickets(numberId));
                    }));
            Database.Stored stored = db.stored(prefix);
            // PostgreSQL's backends report their counters at most every second while busy and within about
            // ten seconds once idle: wait that long before reading the measured period's activity.
            Thread.sleep(options.statsFlushSeconds * 1000L);
            Database.Activity activity = db.activity().minus(activityAtMeasure.get());

            List<String> failed = load.failedWamids();
            long failedStored = db.storedAmong(failed);
            long messagesSent = outcome.unique() - load.reactionsSent();
            long acknowledged = messagesSent - failed.size();
            long lost = acknowledged - (stored.distinctWamids() - failedStored);
            long duplicated = stored.rows() - stored.distinctWamids();
            double rate = stored.measuredRows() / outcome.measuredSeconds();
            line("== App: %d clients posting signed webhooks, warm-up %d s, measured %.1f s ==", options.clients,
                    options.warmupSeconds, outcome.measuredSeconds());
            line("requests measured: %d (%d new messages, %d re-posts); warm-up: %d (%d new, %d re-posts)",
                    outcome.measuredUnique() + outcome.measuredReplays(), outcome.measuredUnique(),
                    outcome.measuredReplays(), outcome.warmupUnique() + outcome.warmupReplays(),
                    outcome.warmupUnique(), outcome.warmupReplays());
            line("answers other than 200: %d (%d of them for new messages)", outcome.errors(), outcome.uniqueErrors());
            line("rate: %.0f msg/s (messages of the measured period stored: %d, / %.1f s)", rate,
                    stored.measuredRows(), outcome.measuredSeconds());
            latency("latency per request", outcome);
            line("check over wamid LIKE '%s%%': sent %d unique (%d answered 200, %d not, of which %d stored "
                            + "anyway), rows %d, distinct %d -> lost %d (answered 200, not stored), duplicated %d; "
                            + "stored without a ticket: %d", prefix, messagesSent, acknowledged, failed.size(),
                    failedStored, stored.rows(), stored.distinctWamids(), lost, duplicated, stored.withoutTicket());
            line("contacts created: %d in the run, %d in the measured period; tickets created: %d in the run, "
                            + "%d in the measured period", contactsAtEnd.get() - contactsBefore,
                    contactsAtEnd.get() - contactsAtMeasure.get(), ticketsAtEnd.get() - ticketsBefore,
                    ticketsAtEnd.get() - ticketsAtMeasure.get());
            // An app from before reactions has no message_reactions table: a run without them does not ask.
            long[] reactions = load.reactionsSent() == 0 ? new long[] {0, 0}
                    : db.storedReactions(WebhookLoad.reactionPrefix(options.run));
            line("mix of the run's new requests: %d texts, %d media messages (photo, PDF, voice note in turn; %d "
                            + "stored), %d reactions (%d answered otherwise than 200; %d kept in message_reactions, "
                            + "%d stored as messages)", messagesSent - load.mediaSent(), load.mediaSent(),
                    db.storedMedia(prefix), load.reactionsSent(), load.reactionsRefused(), reactions[0], reactions[1]);
            if (customers.introduced() > customers.population()) {
                line("NOTE: the %d customers came round again: later first messages found their contact",
                        customers.population());
            }
            cpuUse(cpu.between(cpuAtMeasure.get(), cpuAtEnd.get()), stored.measuredRows());
            activity("database work per stored message in the measured period", activity, stored.measuredRows());
            boolean ok = lost == 0 && duplicated == 0 && stored.withoutTicket() == 0;
            line(ok ? "CHECK PASSED: every message stored exactly once, each in a ticket"
                    : "CHECK FAILED: messages lost, duplicated or without a ticket");
            line("");
            summaryApp = new double[] {rate, Latencies.percentileMillis(outcome.sortedMicros(), 50),
                Latencies.percentileMillis(outcome.sortedMicros(), 95),
                Latencies.percentileMillis(outcome.sortedMicros(), 99), lost, duplicated,
                ticketsAtEnd.get() - ticketsBefore, contactsAtEnd.get() - contactsBefore,
                ticketsAtEnd.get() - ticketsAtMeasure.get(), contactsAtEnd.get() - contactsAtMeasure.get(),
                outcome.errors()};
            return new AppResult(outcome, ok);
        }

        private double[] summaryApp;
        private double rawRate = Double.NaN;

        private RawResult runRaw(Database db) throws Exception {
            long scratch = RawJdbcLoad.createScratchNumber(db.connection(), options.run);
            Customers customers = new Customers(options.customers, options.repeatFraction, options.run);
            RawJdbcLoad load = new RawJdbcLoad(options.jdbcUrl, scratch, options.run, customers);
            long contactsBefore = db.contacts(scratch);
            AtomicReference<CpuMeter.Sample> cpuAtMeasure = new AtomicReference<>();
            AtomicReference<CpuMeter.Sample> cpuAtEnd = new AtomicReference<>();
            Phase.Outcome outcome = Phase.run("raw", options.clients, options.rawWarmupSeconds, options.rawSeconds,
                    i -> load.client(), () -> cpuAtMeasure.set(cpu.sample()), () -> cpuAtEnd.set(cpu.sample()));
            String prefix = RawJdbcLoad.wamidPrefix(options.run);
            Database.Stored stored = db.stored(prefix);
            long lost = outcome.unique() - stored.distinctWamids();
            long duplicated = stored.rows() - stored.distinctWamids();
            rawRate = stored.measuredRows() / outcome.measuredSeconds();
            line("== Raw JDBC: %d connections, auto-commit off, one transaction per message (contact upsert + "
                            + "message insert, no ticket), warm-up %d s, measured %.1f s ==", options.clients,
                    options.rawWarmupSeconds, outcome.measuredSeconds());
            line("scratch number id %d; transactions measured: %d; errors: %d", scratch, outcome.measuredUnique(),
                    outcome.errors());
            line("rate: %.0f msg/s (messages of the measured period stored: %d, / %.1f s)", rawRate,
                    stored.measuredRows(), outcome.measuredSeconds());
            latency("latency per transaction", outcome);
            line("check over wamid LIKE '%s%%': sent %d, rows %d, distinct %d -> lost %d, duplicated %d; "
                            + "contacts created: %d", prefix, outcome.unique(), stored.rows(), stored.distinctWamids(),
                    lost, duplicated, db.contacts(scratch) - contactsBefore);
            cpuUse(cpu.between(cpuAtMeasure.get(), cpuAtEnd.get()), stored.measuredRows());
            line("");
            return new RawResult(outcome, lost == 0 && duplicated == 0);
        }

        /**
         * A few messages posted one at a time with nothing else running: first from new customers (new
         * contact, new ticket), then again from the same customers (their open ticket), each group's database
         * work counted by PostgreSQL's statistics after they are flushed.
         */
        private void profile(Database db, String secret) throws Exception {
            Customers customers = new Customers(options.customers, 0, options.run);
            WebhookLoad load = new WebhookLoad(options, secret, customers);
            Envelopes envelopes = new Envelopes(options.phoneNumberId, secret);
            int half = Math.max(1, options.profileMessages / 2);
            int firstCustomer = options.customers; // beyond the load's customers: new contacts
            String prefix = WebhookLoad.wamidPrefix(options.run) + "p";
            line("== One request at a time, %d messages of each kind, nothing else running ==", half);
            for (String kind : List.of("new customer: new contact and new ticket",
                    "customer who wrote before: joins the open ticket")) {
                boolean repeat = kind.startsWith("customer who");
                Database.Activity before = db.activity();
                long[] micros = new long[half];
                for (int i = 0; i < half; i++) {
                    micros[i] = load.postOne(envelopes, prefix + (repeat ? "r" : "n") + i, firstCustomer + i);
                }
                Thread.sleep(options.statsFlushSeconds * 1000L);
                Database.Activity activity = db.activity().minus(before);
                java.util.Arrays.sort(micros);
                line("%s: latency median %.1f ms, mean %.1f ms (background jobs' work in the %d s of waiting for "
                                + "the counters is included)", kind, Latencies.percentileMillis(micros, 50),
                        Latencies.meanMillis(micros), options.statsFlushSeconds);
                activity("  database work per message", activity, half);
            }
            line("");
        }

        private void summary(AppResult app, RawResult raw) {
            double[] a = summaryApp;
            line("== Summary (markdown) ==");
            line("| app msg/s | p50 | p95 | p99 | raw JDBC msg/s | app / raw | lost | duplicated | errors | "
                    + "tickets created (measured) | contacts created (measured) |");
            line("|---|---|---|---|---|---|---|---|---|---|---|");
            line("| %.0f | %.1f ms | %.1f ms | %.1f ms | %s | %s | %.0f | %.0f | %.0f | %.0f (%.0f) | %.0f (%.0f) |",
                    a[0], a[1], a[2], a[3], raw == null ? "—" : String.format(Locale.ROOT, "%.0f", rawRate),
                    raw == null ? "—" : String.format(Locale.ROOT, "%.2f", a[0] / rawRate), a[4], a[5], a[10],
                    a[6], a[8], a[7], a[9]);
        }

        private void latency(String what, Phase.Outcome outcome) {
            long[] sorted = outcome.sortedMicros();
            line("%s: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms, mean %.1f ms (%d samples)", what,
                    Latencies.percentileMillis(sorted, 50), Latencies.percentileMillis(sorted, 95),
                    Latencies.percentileMillis(sorted, 99), Latencies.percentileMillis(sorted, 100),
                    Latencies.meanMillis(sorted), sorted.length);
        }

        private void cpuUse(CpuMeter.Use use, long messages) {
            if (!cpu.knowsParties()) {
                line("CPU: machine busy %.0f %% of %d cores over %.1f s; generator %.1f CPU-s", use.machineBusyShare() * 100,
                        use.cores(), use.seconds(), use.generator());
                return;
            }
            double busy = use.machineBusyShare() * use.seconds() * use.cores();
            line("CPU over %.1f s (%.0f CPU-s on %d cores): machine busy %.0f %%; app JVM %.1f CPU-s, PostgreSQL "
                            + "%.1f CPU-s, load generator %.1f CPU-s, anything else on the machine %.1f CPU-s; "
                            + "per stored message: app %.0f µs, PostgreSQL %.0f µs", use.seconds(),
                    use.seconds() * use.cores(), use.cores(), use.machineBusyShare() * 100, use.app(), use.postgres(),
                    use.generator(), Math.max(0, busy - use.app() - use.postgres() - use.generator()),
                    use.app() * 1e6 / messages, use.postgres() * 1e6 / messages);
        }

        private void activity(String title, Database.Activity activity, long messages) {
            line("%s (pg_stat counters, approximate):", title);
            line("  transactions committed %.2f, rolled back %.3f", activity.commits() / (double) messages,
                    activity.rollbacks() / (double) messages);
            List<String> rows = new ArrayList<>();
            for (Map.Entry<String, long[]> table : activity.tables().entrySet()) {
                long[] c = table.getValue();
                if (c[0] == 0 && c[1] == 0 && c[2] == 0) {
                    continue; // only read: the scans alone are of little interest
                }
                rows.add(String.format(Locale.ROOT, "  %-24s inserted %.2f, updated %.2f (HOT %.2f), deleted %.2f; "
                                + "scans: sequential %.2f, index %.2f",
                        table.getKey(), c[0] / (double) messages, c[1] / (double) messages, c[3] / (double) messages,
                        c[2] / (double) messages, c[4] / (double) messages, c[5] / (double) messages));
            }
            rows.forEach(this::line);
        }

        private void line(String format, Object... values) {
            System.out.println(String.format(Locale.ROOT, format, values));
        }

        private void line(String text) {
            line("%s", text);
        }
    }

    interface SqlAction {
        void run() throws Exception;
    }

    static Runnable unchecked(SqlAction action) {
        return () -> {
            try {
                action.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
