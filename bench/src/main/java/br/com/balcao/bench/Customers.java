package br.com.balcao.bench;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Who writes each message: most often the next customer never seen (a new contact and a new ticket), else
 * one who already wrote in this phase (the contact is updated and the message joins the open ticket).
 * WhatsApp ids are Rio mobile numbers, 55 21 9 8xxx xxxx, valid for libphonenumber.
 */
final class Customers {

    private static final long FIRST_WA_ID = 5521980000000L;

    private final int population;
    private final double repeatFraction;
    private final long firstWaId;
    private final AtomicLong introduced = new AtomicLong();

    /** A population of its own for each run id, so that runs on one database each start with new customers. */
    Customers(int population, double repeatFraction, String run) {
        this.population = population;
        this.repeatFraction = repeatFraction;
        long slots = Math.max(1, 10_000_000L / population);
        this.firstWaId = FIRST_WA_ID + Math.floorMod(run.hashCode(), slots) * (long) population;
    }

    /** The index of the customer who writes next. */
    int next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long seen = Math.min(introduced.get(), population);
        if (seen > 0 && random.nextDouble() < repeatFraction) {
            return (int) random.nextLong(seen);
        }
        return (int) (introduced.getAndIncrement() % population);
    }

    /** How many first messages were handed out; above the population, customers came round again. */
    long introduced() {
        return introduced.get();
    }

    int population() {
        return population;
    }

    String waId(int customer) {
        return Long.toString(firstWaId + customer);
    }

    static String profileName(int customer) {
        return "Cliente Bench " + customer;
    }
}
