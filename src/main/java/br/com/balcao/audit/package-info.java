/** The audit log: who changed what on the configuration pages, with the values before and after. */
package br.com.balcao.audit;
