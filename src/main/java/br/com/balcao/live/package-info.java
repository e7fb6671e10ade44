/**
 * Live updates: the engine's events, fanned out through PostgreSQL LISTEN/NOTIFY so that a browser
 * connected to any app instance hears what happened on any other.
 */
package br.com.balcao.live;
