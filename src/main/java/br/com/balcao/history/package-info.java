/** Conversation history: the selected number's tickets of the last months, filtered, as CSV, and any ticket as a PDF. */
package br.com.balcao.history;
