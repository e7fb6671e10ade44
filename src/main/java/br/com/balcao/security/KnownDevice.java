package br.com.balcao.security;

import java.io.Serializable;

/** A browser that once signed in to this account, as its signed device cookie says ({@link DeviceCookies}). */
record KnownDevice(String email, String deviceId) implements Serializable {
}
