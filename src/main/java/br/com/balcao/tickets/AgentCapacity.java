package br.com.balcao.tickets;

/** How many tickets an agent serves now (assigned or open, on all their numbers) out of their ticket slots. */
public record AgentCapacity(long active, int slots) {

    public boolean full() {
        return active >= slots;
    }
}
