/** The WhatsApp channel: the Cloud API webhook in, the gateway out, and the customer simulator. */
package br.com.balcao.channel;
