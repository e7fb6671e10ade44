package br.com.balcao.security;

import java.util.List;
import java.util.Locale;

/** One count that a login attempt is judged by and adds to. */
record ThrottleKey(String id, Scope scope) {

    enum Scope {
        /** One e-mail from one client address, or from one known device: a correct password clears it. */
        ACCOUNT,
        /** One client address across e-mails: a correct password takes back only its own attempt. */
        ADDRESS
    }

    /**
     * A known device of the e-mail is judged by its own failures alone, so that nobody else's failures (for the
     * account, or from its address) keep it out; any other attempt by the e-mail from its address and by its
     * address. Unknown e-mails are counted exactly like known ones.
     */
    static List<ThrottleKey> of(String email, LoginOrigin origin) {
        String account = "account:" + normalise(email);
        KnownDevice device = origin.knownDevice();
        if (device != null && device.email().equals(normalise(email))) {
            return List.of(new ThrottleKey(account + "|device:" + device.deviceId(), Scope.ACCOUNT));
        }
        String address = "address:" + origin.clientAddress();
        return List.of(new ThrottleKey(account + "|" + address, Scope.ACCOUNT), new ThrottleKey(address, Scope.ADDRESS));
    }

    private static String normalise(String email) {
        String value = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        return value.length() > 254 ? value.substring(0, 254) : value;
    }
}
