/** Quick replies: canned texts in categories, shared by every number. */
package br.com.balcao.quickreplies;
