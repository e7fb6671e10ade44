package br.com.balcao.shared.database.embedded;

/** A restore that was refused (nothing changed) or that failed (undone); the message says which and why. */
public final class RestoreFailedException extends IllegalStateException {

    RestoreFailedException(String message) {
        super(message);
    }

    RestoreFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
