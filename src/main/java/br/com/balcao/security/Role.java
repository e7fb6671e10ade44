package br.com.balcao.security;

/** What a user is in the helpdesk; each role can do everything the one before it can. */
public enum Role {
    AGENT,
    MANAGER,
    ADMIN;

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }
}
