/**
 * The files of media messages, kept by the app: stored streamed under a configured folder, with a size cap and a
 * retention, and read back for timelines, the history, the PDF and uploads to WhatsApp.
 */
@ApplicationModule(allowedDependencies = {"shared"})
package br.com.balcao.media;

import org.springframework.modulith.ApplicationModule;
