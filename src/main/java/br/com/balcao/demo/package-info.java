/**
 * The demo: its data loader and the header's "Demo" badge (profile {@code demo}), and the warning about demo
 * passwords.
 */
@ApplicationModule(allowedDependencies = {})
package br.com.balcao.demo;

import org.springframework.modulith.ApplicationModule;
