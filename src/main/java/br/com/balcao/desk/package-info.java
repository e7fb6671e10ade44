/** The Desk: the agent's workspace with their tickets, the conversation, the composer and the contact card. */
package br.com.balcao.desk;
