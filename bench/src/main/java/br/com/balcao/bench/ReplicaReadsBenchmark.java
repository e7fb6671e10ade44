package br.com.balcao.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One run of the read replica benchmark (issue 24, bench/run-replica-benchmark.sh): the inbound webhook benchmark
 * ({@link WebhookBenchmark}, its report unchanged) and, beside it over the same warm-up and measured seconds, signed-in
 * agents reading the history list, the contact search and the monitoring dashboard ({@link PageReaders}). Where the
 * app sends those reads is the app's setting; the script runs this once with a replica and once without.
 * Last line: {@code RESULT|label|msg/s|p50|p95|lost|duplicated|pages/s|page p95 each|page errors}, for the script.
 * <pre>
 * --base=http://127.0.0.1:8400 --readers=4 --reader-user=bench.manager@bench.local --reader-password=bench
 * --period-days=30 --label=A   and the webhook benchmark's options (--url, --jdbc, --clients, --warmup, --seconds...;
 * its plain JDBC baseline and one-at-a-time profile are off unless asked for)
 * </pre>
 */
public final class ReplicaReadsBenchmark {

    private ReplicaReadsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> own = new HashMap<>(Map.of("readers", "4", "reader-user", "bench.manager@bench.local",
                "reader-password", "bench", "period-days", "30", "label", "run"));
        List<String> webhook = new ArrayList<>(List.of("--raw=false", "--profile=0"));
        for (String arg : args) {
            String name = arg.startsWith("--") && arg.contains("=") ? arg.substring(2, arg.indexOf('=')) : "";
            if (name.equals("base") || own.containsKey(name)) {
                own.put(name, arg.substring(arg.indexOf('=') + 1));
            } else {
                webhook.add(arg);
            }
        }
        if (!own.containsKey("base")) {
            System.err.println("--base=URL (the app) is required");
            System.exit(2);
        }
        Options options = Options.parse(webhook.toArray(String[]::new));
        PageReaders readers = PageReaders.signIn(own.get("base"), own.get("reader-user"), own.get("reader-password"),
                Integer.parseInt(own.get("readers")), Integer.parseInt(own.get("period-days")));

        long start = System.nanoTime();
        long measuredFrom = start + options.warmupSeconds * 1_000_000_000L;
        readers.start(measuredFrom, measuredFrom + options.seconds * 1_000_000_000L);
        WebhookBenchmark.Result inbound = WebhookBenchmark.run(options);
        List<PageReaders.PageFigures> pages = readers.join();

        System.out.printf(Locale.ROOT, "== Readers: %s signed-in agents, one page after the other, measured %d s "
                + "(warm-up %d s) ==%n", own.get("readers"), options.seconds, options.warmupSeconds);
        double perSecond = 0;
        long errors = 0;
        StringBuilder p95s = new StringBuilder();
        for (PageReaders.PageFigures page : pages) {
            System.out.printf(Locale.ROOT, "%-15s %6d pages, %6.1f pages/s, p50 %7.1f ms, p95 %7.1f ms, errors %d%n",
                    page.page(), page.requests(), page.perSecond(), page.p50Millis(), page.p95Millis(), page.errors());
            perSecond += page.perSecond();
            errors += page.errors();
            p95s.append(String.format(Locale.ROOT, "|%.1f", page.p95Millis()));
        }
        readers.firstErrors().forEach(error -> System.out.println("reader error: " + error));
        System.out.printf(Locale.ROOT, "RESULT|%s|%.0f|%.1f|%.1f|%d|%d|%.1f%s|%d%n", own.get("label"),
                inbound.perSecond(), inbound.p50Millis(), inbound.p95Millis(), inbound.lost(), inbound.duplicated(),
                perSecond, p95s, errors);
        System.exit(inbound.ok() && errors == 0 ? 0 : 1);
    }
}
