/**
 * Reports: the managers' figures over any period of days, grouped by day, week or month, read from daily
 * roll-ups of each number kept by this module, and their CSV downloads.
 */
@ApplicationModule(allowedDependencies = {"audit", "numbers", "security", "shared", "tickets"})
package br.com.balcao.reports;

import org.springframework.modulith.ApplicationModule;
