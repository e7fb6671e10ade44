package br.com.balcao.numbers;

import java.util.EnumSet;
import java.util.Set;

/** What a member may do on a number. */
public enum Permission {
    /** Receive and answer tickets. */
    REPLY,
    /** Send templates (active messages). */
    ACTIVE_MESSAGE,
    /** See and edit the number's contacts. */
    CONTACTS;

    /** The permissions of a membership row's three flags. */
    static Set<Permission> of(boolean reply, boolean activeMessage, boolean contacts) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        if (reply) {
            permissions.add(REPLY);
        }
        if (activeMessage) {
            permissions.add(ACTIVE_MESSAGE);
        }
        if (contacts) {
            permissions.add(CONTACTS);
        }
        return permissions;
    }
}
