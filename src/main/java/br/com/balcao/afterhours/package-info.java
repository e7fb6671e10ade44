/** After hours: the automatic answer outside service hours and the list of contacts who wrote then. */
package br.com.balcao.afterhours;
