/** Monitoring: the managers' live dashboard of the service, for one number or all they may see. */
package br.com.balcao.monitoring;
