/**
 * What the tests are. There are no slice tests ({@code @WebMvcTest}, {@code @DataJpaTest}) and the database is
 * never mocked: a page is tested through its controller, the services and the SQL on a real PostgreSQL, as it runs.
 * WhatsApp is the one thing stood in for: a scripted gateway ({@code channel.ScriptedGateway}) or an HTTP stub of
 * the Cloud API (MockWebServer).
 * <ul>
 * <li><b>Unit tests</b>: plain JUnit on a class with no Spring and no database, where the rule fits in one class
 * (the webhook's signature and envelope parser, the retry backoff, phone and visible-text rules, the PDF's
 * fonts); {@code WebhookProcessorTest} gives its class Mockito stand-ins for its collaborators.</li>
 * <li><b>Integration tests</b> ({@link br.com.balcao.support.IntegrationTest}): the whole application in one
 * cached context on a database of its own, migrated by Flyway, pages called through MockMvc with the real
 * filters, security and templates. Most test classes share that one context; a class that adds properties,
 * beans or a profile to it gets one of its own (the demo profile's tests, the statement-count tests of
 * {@link br.com.balcao.support.CountsStatements}, the outbound sender's tests with a scripted gateway, the
 * first-run setup, an unconfigured webhook). Statement-count tests assert that a page runs a fixed number of SQL
 * statements whatever the data's size.</li>
 * <li><b>Tests of the running app</b>: the app on its own embedded PostgreSQL as an installation runs it
 * ({@code RealInstallationTest}, {@code EmbeddedServerCrashTest}, {@code BackupSettingsTest}), started by the
 * test itself twice on one database ({@code TwoInstancesTest}), restored from a backup at start
 * ({@code RestoreOnStartTest}), or killed with {@code kill -9} as a child JVM ({@code AppCrashRestartTest}).</li>
 * <li><b>Browser tests</b> ({@code *BrowserTest}, run by Failsafe in {@code ./mvnw verify}):
 * {@link br.com.balcao.support.BrowserTestApplication}, a web server on a random port driven by Selenium with
 * Debian's Chromium; skipped with a message where Chromium is not installed.</li>
 * <li>{@code ModularityTests}: Spring Modulith's check of the modules' dependencies.</li>
 * </ul>
 */
package br.com.balcao.support;
