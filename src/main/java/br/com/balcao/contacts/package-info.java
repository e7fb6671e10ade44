/** Contacts: the customers of each number, unique by WhatsApp id, with their details and extra fields. */
package br.com.balcao.contacts;
