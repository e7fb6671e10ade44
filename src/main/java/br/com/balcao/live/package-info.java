/**
 * Live updates: the engine's events, fanned out through PostgreSQL LISTEN/NOTIFY so that a browser
 * connected to any app instance hears what happened on any other.
 */
@ApplicationModule(allowedDependencies = {"security", "tickets"})
package br.com.balcao.live;

import org.springframework.modulith.ApplicationModule;
