/** Absence: a number's "nobody is serving" switch, its automatic message and suggested other agent. */
package br.com.balcao.absence;
