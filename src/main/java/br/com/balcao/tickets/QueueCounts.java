package br.com.balcao.tickets;

/** A number's unclosed tickets: in the queue, assigned awaiting a first response, and in service. */
public record QueueCounts(long waiting, long assigned, long open) {

    public static final QueueCounts NONE = new QueueCounts(0, 0, 0);
}
