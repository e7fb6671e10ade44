package br.com.balcao.security;

import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;

/**
 * Where a login attempt comes from: the client's address and, when the browser carries a valid device cookie,
 * the device it names (null otherwise). The authentication's details, so it is kept in the session with it.
 */
record LoginOrigin(String clientAddress, KnownDevice knownDevice) implements Serializable {

    /** An authentication made without a request's details: counted as one unknown address. */
    static final LoginOrigin UNKNOWN = new LoginOrigin(ClientAddress.of(null), null);

    static LoginOrigin of(HttpServletRequest request, DeviceCookies deviceCookies) {
        return new LoginOrigin(ClientAddress.of(request.getRemoteAddr()),
                deviceCookies.recognise(request).orElse(null));
    }
}
