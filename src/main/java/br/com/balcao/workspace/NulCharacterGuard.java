package br.com.balcao.workspace;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses, before any controller runs, a request whose parameters hold a NUL character (U+0000): PostgreSQL
 * cannot store it in text, so a form holding one would fail deep inside a save. The user gets a 400 page
 * saying what is wrong, and nothing is changed. Other control characters are stored and shown as text.
 */
class NulCharacterGuard implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        boolean nul = request.getParameterMap().entrySet().stream()
                .anyMatch(parameter -> hasNul(parameter.getKey()) || Arrays.stream(parameter.getValue())
                        .anyMatch(NulCharacterGuard::hasNul));
        if (nul) {
            throw new NulCharacterException();
        }
        return true;
    }

    private static boolean hasNul(String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }

    static final class NulCharacterException extends RuntimeException {
        NulCharacterException() {
            super("a request parameter holds a NUL character");
        }
    }

    /** Shows the refusal as a page of its own, with a 400. */
    @ControllerAdvice
    static class Refusal {

        @ExceptionHandler(NulCharacterException.class)
        @ResponseStatus(HttpStatus.BAD_REQUEST)
        String refused() {
            return "error/nul-character";
        }
    }
}
