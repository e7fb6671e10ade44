package br.com.balcao.numbers;

import java.time.ZoneId;

/** What other modules know of a number. */
public record NumberView(long id, String name, String displayPhone, String phoneNumberId, ZoneId zone) {
}
