package br.com.balcao.security;

import java.io.Serializable;

/** Who is using the app right now; what the session keeps of a signed-in user. */
public record SignedInUser(long id, String name, String email, Role role) implements Serializable {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean isManager() {
        return role.atLeast(Role.MANAGER);
    }

    public String initials() {
        String[] words = name.trim().split("\\s+");
        String first = words[0].substring(0, 1);
        String last = words.length > 1 ? words[words.length - 1].substring(0, 1) : "";
        return (first + last).toUpperCase(java.util.Locale.ROOT);
    }
}
