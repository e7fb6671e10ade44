package br.com.balcao.security;

/** An agent's availability: only ONLINE agents receive new tickets; BREAK and INVISIBLE keep chatting. */
public enum AgentStatus {
    ONLINE,
    BREAK,
    INVISIBLE,
    OFFLINE
}
