package br.com.balcao.security;

/** A user as the configuration pages list them. */
public record UserSummary(long id, String name, String email, Role role, boolean enabled, int ticketSlots) {
}
