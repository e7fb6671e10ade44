/** Tickets: the ticket lifecycle, its messages, notes, tags and transfers between agents. */
package br.com.balcao.tickets;
