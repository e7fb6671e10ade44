package br.com.balcao.history;

/** A tag as the history shows it: a coloured dot and the name. */
record TagLabel(long id, String name, String color) {
}
