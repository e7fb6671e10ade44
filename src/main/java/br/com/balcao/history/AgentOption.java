package br.com.balcao.history;

/** A user of the number, to filter the list by agent. */
record AgentOption(long id, String name) {
}
