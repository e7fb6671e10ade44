package br.com.balcao.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/** The benchmark's settings, from {@code --name=value} arguments. */
final class Options {

    String url = "http://localhost:8095/webhooks/whatsapp";
    String jdbcUrl;
    /** Tried in order against the running app; the first it accepts signs the load. */
    List<String> secrets = List.of("bench-secret", "demo-app-secret");
    String phoneNumberId = "100000000000003";
    int clients = 32;
    int warmupSeconds = 10;
    int seconds = 60;
    int rawWarmupSeconds = 5;
    int rawSeconds = -1;
    int customers = 200_000;
    double repeatFraction = 0.30;
    double replayFraction = 0.02;
    double mediaFraction = 0.15;
    double reactionFraction = 0.05;
    String run = Long.toString(System.currentTimeMillis() / 1000, 36)
            + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36), 36);
    long appPid;
    Path pgData;
    int clockTicks = 100;
    int profileMessages = 60;
    int statsFlushSeconds = 11;
    boolean raw = true;

    static Options parse(String[] args) {
        Options o = new Options();
        for (String arg : args) {
            if (arg.isBlank()) {
                continue;
            }
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("expected --name=value, got " + arg + "\n" + usage());
            }
            String name = arg.substring(2, arg.indexOf('='));
            String value = arg.substring(arg.indexOf('=') + 1);
            switch (name) {
                case "url" -> o.url = value;
                case "jdbc" -> o.jdbcUrl = value;
                case "secrets" -> o.secrets = Arrays.stream(value.split(",")).map(String::strip)
                        .filter(s -> !s.isEmpty()).toList();
                case "phone-number-id" -> o.phoneNumberId = value;
                case "clients" -> o.clients = Integer.parseInt(value);
                case "warmup" -> o.warmupSeconds = Integer.parseInt(value);
                case "seconds" -> o.seconds = Integer.parseInt(value);
                case "raw-warmup" -> o.rawWarmupSeconds = Integer.parseInt(value);
                case "raw-seconds" -> o.rawSeconds = Integer.parseInt(value);
                case "customers" -> o.customers = Integer.parseInt(value);
                case "repeat" -> o.repeatFraction = Double.parseDouble(value);
                case "replay" -> o.replayFraction = Double.parseDouble(value);
                case "media" -> o.mediaFraction = Double.parseDouble(value);
                case "reactions" -> o.reactionFraction = Double.parseDouble(value);
                case "run" -> o.run = value.toLowerCase(Locale.ROOT);
                case "app-pid" -> o.appPid = Long.parseLong(value);
                case "pg-data" -> o.pgData = Path.of(value);
                case "clock-ticks" -> o.clockTicks = Integer.parseInt(value);
                case "profile" -> o.profileMessages = Integer.parseInt(value);
                case "stats-flush" -> o.statsFlushSeconds = Integer.parseInt(value);
                case "raw" -> o.raw = Boolean.parseBoolean(value);
                default -> throw new IllegalArgumentException("unknown option --" + name + "\n" + usage());
            }
        }
        if (o.jdbcUrl == null) {
            throw new IllegalArgumentException("--jdbc is required\n" + usage());
        }
        if (!o.run.matches("[a-z0-9]{1,20}")) {
            throw new IllegalArgumentException("--run must be 1 to 20 letters or digits");
        }
        if (o.rawSeconds < 0) {
            o.rawSeconds = o.seconds;
        }
        if (o.replayFraction < 0 || o.mediaFraction < 0 || o.reactionFraction < 0
                || o.replayFraction + o.mediaFraction + o.reactionFraction > 1) {
            throw new IllegalArgumentException("--replay, --media and --reactions are shares from 0 to 1, together "
                    + "at most 1\n" + usage());
        }
        if (o.clients < 1 || o.seconds < 1 || o.warmupSeconds < 0 || o.customers < 1) {
            throw new IllegalArgumentException("clients and seconds must be positive");
        }
        return o;
    }

    static String usage() {
        return """
                options (all --name=value):
                  --jdbc=URL              the app's database (required), e.g. jdbc:postgresql://localhost:PORT/balcao?user=postgres
                  --url=URL               the webhook (default http://localhost:8095/webhooks/whatsapp)
                  --secrets=A,B           app secrets to try, in order (default bench-secret,demo-app-secret)
                  --phone-number-id=ID    the number written to (default 100000000000003, open 24 hours in the demo)
                  --clients=N             concurrent clients (default 32)
                  --warmup=S --seconds=S  warm-up and measured seconds (default 10 and 60)
                  --raw-warmup=S --raw-seconds=S   the plain JDBC loop's (default 5, and the same as --seconds)
                  --customers=N           distinct customers (default 200000)
                  --repeat=F              share of messages from a customer who already wrote (default 0.30)
                  --replay=F              share of requests re-posting an envelope already sent (default 0.02)
                  --media=F               share of requests that are a photo, a PDF or a voice note, in turn, each
                                          naming a media id WhatsApp never had (default 0.15)
                  --reactions=F           share of requests that are a customer's reaction to a message answered
                                          earlier, an emoji or its removal (default 0.05)
                  --run=ID                run id in the wamids (default: generated)
                  --app-pid=PID --pg-data=DIR --clock-ticks=N   CPU accounting of the app and its PostgreSQL
                  --profile=N             afterwards, N messages one at a time (half new customers, half
                                          repeats) with their database work counted (default 60; 0: none)
                  --stats-flush=S         wait for PostgreSQL's statistics before reading them (default 11)
                  --raw=false             skip the plain JDBC baseline
                """;
    }
}
