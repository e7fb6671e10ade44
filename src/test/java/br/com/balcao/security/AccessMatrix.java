package br.com.balcao.security;

import static br.com.balcao.security.AccessMatrix.Access.ACTIVE_MESSAGE;
import static br.com.balcao.security.AccessMatrix.Access.ADMINS;
import static br.com.balcao.security.AccessMatrix.Access.ANY_MANAGER;
import static br.com.balcao.security.AccessMatrix.Access.CONTACTS;
import static br.com.balcao.security.AccessMatrix.Access.CONTACTS_ON_SELECTED_NUMBER;
import static br.com.balcao.security.AccessMatrix.Access.CONTACTS_OR_MANAGER;
import static br.com.balcao.security.AccessMatrix.Access.MANAGERS;
import static br.com.balcao.security.AccessMatrix.Access.MEMBERS;
import static br.com.balcao.security.AccessMatrix.Access.PUBLIC;
import static br.com.balcao.security.AccessMatrix.Access.REPLY;
import static br.com.balcao.security.AccessMatrix.Access.SERVING_AGENT;
import static br.com.balcao.security.AccessMatrix.Access.SIGNED_IN;
import static br.com.balcao.security.AccessMatrix.Outcome.FORBIDDEN;
import static br.com.balcao.security.AccessMatrix.Outcome.LOGIN;
import static br.com.balcao.security.AccessMatrix.Outcome.NOT_FOUND;
import static br.com.balcao.security.AccessMatrix.Outcome.PASSES;
import static br.com.balcao.security.AccessMatrix.Outcome.REACHES;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import br.com.balcao.security.AccessFixtures.Role;
import br.com.balcao.security.AccessFixtures.World;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * The access policy of every controller mapping, written out: for each mapping ("METHOD /pattern") who may
 * call it, and a request that calls it with the objects of a {@link World}. A mapping missing here fails
 * the tests, so that no new endpoint can skip the policy.
 */
final class AccessMatrix {

    /** What a request comes to. */
    enum Outcome {
        /** Sent to the login page before reaching any controller (every anonymous request, htmx's and JSON's too). */
        LOGIN,
        /** 403. */
        FORBIDDEN,
        /** 404 from the policy: the object is not there for this user. */
        NOT_FOUND,
        /** The controller ran and did not refuse the user (whatever it answered about the input: 2xx, 3xx, 409, 422...). */
        PASSES,
        /** Public: the controller ran, whatever it answered (the webhook answers unsigned calls itself). */
        REACHES
    }

    /**
     * Who may call a mapping: what each role gets, in the order of {@link Role} (anonymous, agent without
     * permissions, agent, manager, admin), asking for objects of the number the users belong to, and for
     * objects of a number none of them belongs to when the mapping names an object of a number.
     */
    enum Access {
        //                   anonymous  agent w/o perm.  agent      manager    admin
        PUBLIC(List.of(REACHES, REACHES, REACHES, REACHES, REACHES), null),
        /** Any signed-in user; what is shown is limited to their numbers. */
        SIGNED_IN(List.of(LOGIN, PASSES, PASSES, PASSES, PASSES), null),
        /** Anyone who sees the object's number. */
        MEMBERS(List.of(LOGIN, PASSES, PASSES, PASSES, PASSES),
                List.of(LOGIN, NOT_FOUND, NOT_FOUND, NOT_FOUND, PASSES)),
        /** Members with the permission on the object's number (admins have every permission). */
        REPLY(List.of(LOGIN, FORBIDDEN, PASSES, PASSES, PASSES),
                List.of(LOGIN, NOT_FOUND, NOT_FOUND, NOT_FOUND, PASSES)),
        ACTIVE_MESSAGE(List.of(LOGIN, FORBIDDEN, PASSES, PASSES, PASSES),
                List.of(LOGIN, NOT_FOUND, NOT_FOUND, NOT_FOUND, PASSES)),
        CONTACTS(List.of(LOGIN, FORBIDDEN, PASSES, PASSES, PASSES),
                List.of(LOGIN, NOT_FOUND, NOT_FOUND, NOT_FOUND, PASSES)),
        /** Reading contacts (conversations, contact pages): agents with CONTACTS on the number; managers and admins on every number they see. */
        CONTACTS_OR_MANAGER(List.of(LOGIN, FORBIDDEN, PASSES, PASSES, PASSES),
                List.of(LOGIN, NOT_FOUND, NOT_FOUND, NOT_FOUND, PASSES)),
        /** Reading contacts of the number chosen in the header (which is always one the user sees): as above. */
        CONTACTS_ON_SELECTED_NUMBER(List.of(LOGIN, FORBIDDEN, PASSES, PASSES, PASSES), null),
        /** Managers and admins only, on numbers they see. */
        MANAGERS(List.of(LOGIN, FORBIDDEN, FORBIDDEN, PASSES, PASSES),
                List.of(LOGIN, FORBIDDEN, FORBIDDEN, NOT_FOUND, PASSES)),
        /** Managers and admins, on things that belong to no number (the quick replies). */
        ANY_MANAGER(List.of(LOGIN, FORBIDDEN, FORBIDDEN, PASSES, PASSES), null),
        ADMINS(List.of(LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, PASSES), null),
        /** A transfer request is answered by the agent serving the ticket; for anyone else it does not exist. */
        SERVING_AGENT(List.of(LOGIN, NOT_FOUND, PASSES, NOT_FOUND, NOT_FOUND),
                List.of(LOGIN, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND));

        private final List<Outcome> own;
        private final List<Outcome> other;

        Access(List<Outcome> own, List<Outcome> other) {
            this.own = own;
            this.other = other;
        }

        /** Whether the mapping names an object of a number, so that another number's object can be asked for. */
        boolean scoped() {
            return other != null;
        }

        Outcome expected(Role role, boolean otherNumber) {
            return (otherNumber ? other : own).get(role.ordinal());
        }
    }

    /** One row of the table: how to call the mapping with a world's objects, and who may. */
    record Endpoint(String mapping, Access access, Function<World, AbstractMockHttpServletRequestBuilder<?>> request) {
    }

    static final Map<String, Endpoint> TABLE = table(
            // Public: the login page, Meta's webhook (signed, checked by its controller), errors, health.
            endpoint("GET /login", PUBLIC, w -> get("/login")),
            // The first-run setup: public until the first admin exists, 404 from then on (as here, where it is off).
            endpoint("GET /setup", PUBLIC, w -> get("/setup")),
            endpoint("POST /setup", PUBLIC, w -> post("/setup").param("name", "")),
            endpoint("GET /webhooks/whatsapp", PUBLIC, w -> get("/webhooks/whatsapp")
                    .param("hub.mode", "subscribe").param("hub.verify_token", "x").param("hub.challenge", "1")),
            endpoint("POST /webhooks/whatsapp", PUBLIC, w -> post("/webhooks/whatsapp").content("{}")),
            endpoint("ANY /error", PUBLIC, w -> get("/error")),
            endpoint("GET /actuator/health", PUBLIC, w -> get("/actuator/health")),
            endpoint("GET /actuator/health/**", PUBLIC, w -> get("/actuator/health/liveness")),
            // Actuator beyond health: admins.
            endpoint("GET /actuator", ADMINS, w -> get("/actuator")),
            endpoint("GET /actuator/info", ADMINS, w -> get("/actuator/info")),
            endpoint("GET /actuator/metrics", ADMINS, w -> get("/actuator/metrics")),
            endpoint("GET /actuator/metrics/{requiredMetricName}", ADMINS, w -> get("/actuator/metrics/jvm.threads.live")),
            endpoint("GET /actuator/prometheus", ADMINS, w -> get("/actuator/prometheus")),

            // The frame: home, the number chosen in the header, the status switch.
            endpoint("GET /", SIGNED_IN, w -> get("/")),
            endpoint("POST /numbers/select", MEMBERS, w -> post("/numbers/select")
                    .param("numberId", id(w.number())).param("returnTo", "/desk")),
            endpoint("POST /me/status", SIGNED_IN, w -> post("/me/status").param("status", "BREAK")),

            // Absence.
            // Scheduled messages: REPLY on the contact's number (a template also ACTIVE_MESSAGE); a message is its
            // author's (the serving agent's here) and its number's managers'.
            endpoint("GET /scheduled", SIGNED_IN, w -> get("/scheduled")),
            endpoint("GET /scheduled/skipped", SIGNED_IN, w -> get("/scheduled/skipped")),
            endpoint("POST /scheduled/skipped/{id}/dismiss", SIGNED_IN,
                    w -> post("/scheduled/skipped/{id}/dismiss", w.scheduledMessage())),
            endpoint("GET /scheduled/new", REPLY, w -> get("/scheduled/new").param("contactId", id(w.contact()))),
            endpoint("POST /scheduled", REPLY, w -> post("/scheduled").param("contactId", id(w.contact()))
                    .param("date", "2030-01-01").param("time", "09:00").param("text", "Lembrete")
                    .param("repetition", "NONE")),
            endpoint("GET /scheduled/{id}/edit", REPLY, w -> get("/scheduled/{id}/edit", w.scheduledMessage())),
            endpoint("POST /scheduled/{id}", REPLY, w -> post("/scheduled/{id}", w.scheduledMessage())
                    .param("date", "").param("time", "09:00").param("text", "").param("repetition", "NONE")),
            endpoint("POST /scheduled/{id}/cancel", REPLY, w -> post("/scheduled/{id}/cancel", w.scheduledMessage())),
            endpoint("GET /absence", SIGNED_IN, w -> get("/absence")),
            endpoint("POST /absence", MEMBERS, w -> post("/absence").param("numberId", id(w.number()))
                    .param("message", "Volto já")),
            endpoint("POST /absence/preview", MEMBERS, w -> post("/absence/preview")
                    .param("numberId", id(w.number())).param("message", "Volto já")
                    .param("suggestedUserId", id(w.servingAgent()))),

            // After-hours contacts.
            endpoint("GET /after-hours", CONTACTS_ON_SELECTED_NUMBER, w -> get("/after-hours")),
            endpoint("GET /after-hours/{id}/row", CONTACTS_OR_MANAGER, w -> get("/after-hours/{id}/row", w.afterHoursContact())),

            // Media of a message.
            endpoint("GET /messages/{messageId}/media", MEMBERS, w -> get("/messages/{id}/media", w.message())),

            // Contacts.
            endpoint("GET /contacts", CONTACTS_ON_SELECTED_NUMBER, w -> get("/contacts")),
            endpoint("GET /contacts/export", CONTACTS_ON_SELECTED_NUMBER, w -> get("/contacts/export")),
            endpoint("GET /contacts/{contactId}", CONTACTS_OR_MANAGER, w -> get("/contacts/{id}", w.contact())),
            endpoint("POST /contacts/{contactId}", CONTACTS, w -> post("/contacts/{id}", w.contact())
                    .param("name", "Cliente Editado").param("phone", "+55 11 91234-5678")),
            endpoint("POST /contacts/{contactId}/notes", CONTACTS_OR_MANAGER, w -> post("/contacts/{id}/notes", w.contact())
                    .param("text", "Nota da matriz")),
            endpoint("GET /contacts/import", CONTACTS_ON_SELECTED_NUMBER, w -> get("/contacts/import")),
            endpoint("POST /contacts/import", CONTACTS_ON_SELECTED_NUMBER, w -> multipart("/contacts/import")
                    .file(new MockMultipartFile("file", "matriz.csv", "text/csv",
                            "name,phone\nAna,+5511987654321\n".getBytes(StandardCharsets.UTF_8)))),
            endpoint("GET /contacts/import/{importId}", CONTACTS, w -> get("/contacts/import/{id}", w.contactImport())),
            endpoint("POST /contacts/import/{importId}/start", CONTACTS,
                    w -> post("/contacts/import/{id}/start", w.contactImport())),
            endpoint("GET /contacts/import/{importId}/progress", CONTACTS,
                    w -> get("/contacts/import/{id}/progress", w.contactImport())),
            endpoint("GET /contacts/import/{importId}/rejected.csv", CONTACTS,
                    w -> get("/contacts/import/{id}/rejected.csv", w.contactImport())),

            // Desk Conversations.
            endpoint("GET /conversations", SIGNED_IN, w -> get("/conversations").param("q", "Cliente")),
            endpoint("GET /conversations/events", SIGNED_IN, w -> get("/conversations/events")),
            endpoint("GET /conversations/{contactId}", CONTACTS_OR_MANAGER, w -> get("/conversations/{id}", w.contact())),
            endpoint("GET /conversations/{contactId}/messages/{messageId}/reactions", CONTACTS_OR_MANAGER,
                    w -> get("/conversations/{id}/messages/{m}/reactions", w.contact(), w.message())),
            endpoint("GET /conversations/{contactId}/timeline", CONTACTS_OR_MANAGER,
                    w -> get("/conversations/{id}/timeline", w.contact())),
            endpoint("GET /conversations/{contactId}/matches", CONTACTS_OR_MANAGER,
                    w -> get("/conversations/{id}/matches", w.contact()).param("q", "olá")),
            endpoint("GET /conversations/{contactId}/tickets", CONTACTS_OR_MANAGER,
                    w -> get("/conversations/{id}/tickets", w.contact())),
            endpoint("GET /conversations/{contactId}/composer", CONTACTS_OR_MANAGER,
                    w -> get("/conversations/{id}/composer", w.contact())),
            endpoint("POST /conversations/{contactId}/transfer-requests", CONTACTS_OR_MANAGER,
                    w -> post("/conversations/{id}/transfer-requests", w.contact())),
            endpoint("GET /conversations/transfer-requests", SIGNED_IN, w -> get("/conversations/transfer-requests")),
            endpoint("POST /conversations/transfer-requests/{requestId}/accept", SERVING_AGENT,
                    w -> post("/conversations/transfer-requests/{id}/accept", w.transferRequest())),
            endpoint("POST /conversations/transfer-requests/{requestId}/decline", SERVING_AGENT,
                    w -> post("/conversations/transfer-requests/{id}/decline", w.transferRequest())),

            // Desk.
            endpoint("GET /desk", SIGNED_IN, w -> get("/desk")),
            endpoint("GET /desk/list", SIGNED_IN, w -> get("/desk/list")),
            endpoint("GET /desk/events", SIGNED_IN, w -> get("/desk/events")),
            endpoint("POST /desk/scope", SIGNED_IN, w -> post("/desk/scope").param("allNumbers", "false")),
            endpoint("GET /desk/capacity", SIGNED_IN, w -> get("/desk/capacity")),
            endpoint("POST /desk/queue/toggle", SIGNED_IN, w -> post("/desk/queue/toggle").param("open", "true")),
            endpoint("POST /desk/queue/next", REPLY, w -> post("/desk/queue/next").param("numberId", id(w.number()))),
            endpoint("POST /desk/queue/{ticketId}/take", REPLY, w -> post("/desk/queue/{id}/take", w.ticket())),
            endpoint("GET /desk/tickets/{ticketId}", MEMBERS, w -> get("/desk/tickets/{id}", w.ticket())),
            endpoint("GET /desk/tickets/{ticketId}/timeline", MEMBERS, w -> get("/desk/tickets/{id}/timeline", w.ticket())),
            endpoint("GET /desk/tickets/{ticketId}/composer", MEMBERS, w -> get("/desk/tickets/{id}/composer", w.ticket())),
            endpoint("GET /desk/tickets/{ticketId}/header", MEMBERS, w -> get("/desk/tickets/{id}/header", w.ticket())),
            endpoint("GET /desk/tickets/{ticketId}/card", MEMBERS, w -> get("/desk/tickets/{id}/card", w.ticket())),
            endpoint("GET /desk/tickets/{ticketId}/close-dialog", MEMBERS,
                    w -> get("/desk/tickets/{id}/close-dialog", w.ticket())),
            endpoint("GET /desk/tickets/{ticketId}/transfer-dialog", MEMBERS,
                    w -> get("/desk/tickets/{id}/transfer-dialog", w.ticket())),
            endpoint("POST /desk/tickets/{ticketId}/contact", CONTACTS, w -> post("/desk/tickets/{id}/contact", w.ticket())
                    .param("name", "Cliente Editado")),
            endpoint("POST /desk/tickets/{ticketId}/tags", MEMBERS, w -> post("/desk/tickets/{id}/tags", w.ticket())
                    .param("tagId", id(w.tag()))),
            endpoint("POST /desk/tickets/{ticketId}/tags/{tagId}/delete", MEMBERS,
                    w -> post("/desk/tickets/{id}/tags/{tag}/delete", w.ticket(), w.tag())),
            endpoint("POST /desk/tickets/{ticketId}/notes", MEMBERS, w -> post("/desk/tickets/{id}/notes", w.ticket())
                    .param("text", "Nota da matriz")),
            endpoint("POST /desk/tickets/{ticketId}/messages", REPLY, w -> post("/desk/tickets/{id}/messages", w.ticket())
                    .param("text", "Bom dia!")),
            endpoint("POST /desk/tickets/{ticketId}/media", REPLY, w -> multipart("/desk/tickets/{id}/media", w.ticket())
                    .file(new MockMultipartFile("file", "nota.pdf", "application/pdf",
                            "%PDF-1.4 matriz".getBytes(StandardCharsets.US_ASCII)))),
            endpoint("POST /desk/tickets/{ticketId}/typing", REPLY, w -> post("/desk/tickets/{id}/typing", w.ticket())),
            endpoint("POST /desk/tickets/{ticketId}/messages/{messageId}/reaction", REPLY,
                    w -> post("/desk/tickets/{id}/messages/{m}/reaction", w.ticket(), w.message()).param("emoji", "👍")),
            endpoint("POST /desk/tickets/{ticketId}/messages/{messageId}/resend", REPLY,
                    w -> post("/desk/tickets/{id}/messages/{m}/resend", w.ticket(), w.message())),
            endpoint("POST /desk/tickets/{ticketId}/close", REPLY, w -> post("/desk/tickets/{id}/close", w.ticket())
                    .param("tagIds", id(w.tag()))),
            endpoint("POST /desk/tickets/{ticketId}/transfer", REPLY, w -> post("/desk/tickets/{id}/transfer", w.ticket())
                    .param("agentId", id(w.colleague()))),
            endpoint("GET /desk/contacts/{contactId}/active-messages/new", MEMBERS,
                    w -> get("/desk/contacts/{id}/active-messages/new", w.contact())),
            endpoint("POST /desk/contacts/{contactId}/active-messages", ACTIVE_MESSAGE,
                    w -> post("/desk/contacts/{id}/active-messages", w.contact())
                            .param("templateId", id(w.template())).param("values", "Ana")),

            // History.
            endpoint("GET /history", SIGNED_IN, w -> get("/history")),
            endpoint("GET /history/export.csv", SIGNED_IN, w -> get("/history/export.csv")),
            endpoint("GET /history/{ticketId}/pdf", MEMBERS, w -> get("/history/{id}/pdf", w.ticket())),

            // Monitoring.
            endpoint("GET /monitoring", MANAGERS, w -> get("/monitoring").param("number", id(w.number()))),
            endpoint("GET /monitoring/panel", MANAGERS, w -> get("/monitoring/panel").param("number", id(w.number()))),
            endpoint("GET /monitoring/events", MANAGERS, w -> get("/monitoring/events").param("number", id(w.number()))),

            // Reports.
            endpoint("GET /reports", MANAGERS, w -> get("/reports").param("number", id(w.number()))),
            endpoint("GET /reports/export.csv", MANAGERS, w -> get("/reports/export.csv").param("number", id(w.number()))),
            endpoint("GET /reports/rollups", ADMINS, w -> get("/reports/rollups").param("number", id(w.number()))),
            endpoint("POST /reports/rollups", ADMINS, w -> post("/reports/rollups").param("number", id(w.number()))
                    .param("from", "2026-01-02").param("to", "2026-01-01")),

            // Quick replies: the Desk's suggestions for everyone, the page for managers and admins.
            endpoint("GET /quick-replies/suggestions", SIGNED_IN, w -> get("/quick-replies/suggestions").param("q", "oi")),
            endpoint("GET /quick-replies", ANY_MANAGER, w -> get("/quick-replies")),
            endpoint("POST /quick-replies/categories", ANY_MANAGER, w -> post("/quick-replies/categories")
                    .param("name", "Nova " + w.tag())),
            endpoint("POST /quick-replies/categories/{categoryId}", ANY_MANAGER,
                    w -> post("/quick-replies/categories/{id}", w.quickReplyCategory()).param("name", "Outra " + w.tag())),
            endpoint("POST /quick-replies/categories/{categoryId}/delete", ANY_MANAGER,
                    w -> post("/quick-replies/categories/{id}/delete", w.quickReplyCategory())),
            endpoint("POST /quick-replies/replies", ANY_MANAGER, w -> post("/quick-replies/replies")
                    .param("categoryId", id(w.quickReplyCategory())).param("title", "Tchau").param("body", "Até logo!")),
            endpoint("POST /quick-replies/replies/{replyId}", ANY_MANAGER, w -> post("/quick-replies/replies/{id}", w.quickReply())
                    .param("categoryId", id(w.quickReplyCategory())).param("title", "Oi!").param("body", "Olá!")),
            endpoint("POST /quick-replies/replies/{replyId}/delete", ANY_MANAGER,
                    w -> post("/quick-replies/replies/{id}/delete", w.quickReply())),

            // Settings and the audit log: admins.
            endpoint("GET /settings", ADMINS, w -> get("/settings")),
            endpoint("GET /settings/audit", ADMINS, w -> get("/settings/audit")),
            endpoint("GET /settings/channel", ADMINS, w -> get("/settings/channel")),
            endpoint("GET /settings/backups", ADMINS, w -> get("/settings/backups")),
            endpoint("GET /settings/backups/status", ADMINS, w -> get("/settings/backups/status")),
            endpoint("POST /settings/backups", ADMINS, w -> post("/settings/backups")),
            endpoint("GET /settings/numbers", ADMINS, w -> get("/settings/numbers").param("number", id(w.number()))),
            endpoint("POST /settings/numbers", ADMINS, w -> post("/settings/numbers").param("name", "")),
            endpoint("POST /settings/numbers/{numberId}", ADMINS, w -> post("/settings/numbers/{id}", w.number())
                    .param("name", "")),
            endpoint("POST /settings/numbers/{numberId}/whatsapp", ADMINS,
                    w -> post("/settings/numbers/{id}/whatsapp", w.number()).param("wabaId", "x")),
            endpoint("POST /settings/numbers/{numberId}/survey", ADMINS,
                    w -> post("/settings/numbers/{id}/survey", w.number()).param("goodTitle", "x".repeat(21))),
            endpoint("POST /settings/numbers/{numberId}/hours", ADMINS, w -> post("/settings/numbers/{id}/hours", w.number())
                    .param("day", "MONDAY").param("opens", "09:00").param("closes", "08:00")),
            endpoint("POST /settings/numbers/{numberId}/holidays", ADMINS,
                    w -> post("/settings/numbers/{id}/holidays", w.number()).param("day", "").param("name", "")),
            endpoint("POST /settings/numbers/{numberId}/holidays/{holidayId}/delete", ADMINS,
                    w -> post("/settings/numbers/{id}/holidays/{holiday}/delete", w.number(), w.holiday())),
            endpoint("GET /settings/tags", ADMINS, w -> get("/settings/tags")),
            endpoint("POST /settings/tags", ADMINS, w -> post("/settings/tags").param("name", "Nova " + w.tag())
                    .param("color", "#123456")),
            endpoint("POST /settings/tags/{tagId}", ADMINS, w -> post("/settings/tags/{id}", w.tag())
                    .param("name", "Outra " + w.tag()).param("color", "#654321")),
            endpoint("POST /settings/tags/{tagId}/delete", ADMINS, w -> post("/settings/tags/{id}/delete", w.tag())),
            endpoint("GET /settings/templates", ADMINS, w -> get("/settings/templates").param("number", id(w.number()))),
            endpoint("POST /settings/templates", ADMINS, w -> post("/settings/templates")
                    .param("numberId", id(w.number())).param("name", "")),
            endpoint("POST /settings/templates/{templateId}", ADMINS, w -> post("/settings/templates/{id}", w.template())
                    .param("numberId", id(w.number())).param("name", "")),
            endpoint("POST /settings/templates/{templateId}/delete", ADMINS,
                    w -> post("/settings/templates/{id}/delete", w.template()).param("numberId", id(w.number()))),
            // The simulated gateway has no Meta to sync from: answered on the page, nothing changed.
            endpoint("POST /settings/templates/sync", ADMINS, w -> post("/settings/templates/sync")
                    .param("numberId", id(w.number()))),
            // Without a name, as the preview is asked while the name is still empty.
            endpoint("POST /settings/templates/preview", ADMINS, w -> post("/settings/templates/preview")
                    .param("numberId", id(w.number())).param("body", "Olá {{1}}")),
            endpoint("GET /settings/users", ADMINS, w -> get("/settings/users")),
            endpoint("POST /settings/users", ADMINS, w -> post("/settings/users").param("name", "")),
            endpoint("GET /settings/users/{userId}", ADMINS, w -> get("/settings/users/{id}", w.user())),
            endpoint("POST /settings/users/{userId}", ADMINS, w -> post("/settings/users/{id}", w.user()).param("name", "")),
            endpoint("POST /settings/users/{userId}/enabled", ADMINS, w -> post("/settings/users/{id}/enabled", w.user())
                    .param("enabled", "false")),
            endpoint("POST /settings/users/{userId}/memberships", ADMINS,
                    w -> post("/settings/users/{id}/memberships", w.user()).param("member", id(w.number()))));

    /**
     * Static files, public (the login page needs them): every URL pattern served from files rather than by a
     * controller, with a file each serves, which anonymous users must get.
     */
    static final Map<String, String> PUBLIC_FILES = Map.of(
            "/webjars/**", "/webjars/htmx.org/dist/htmx.min.js",
            "/**", "/css/app.css");

    /**
     * Controllers the tests' context does not have, with who may use them. The customer simulator exists with
     * the demo profile only (a real deployment has none, see SimulatorAvailabilityTest): there managers and admins
     * play the customers of the numbers they see, through the real signed webhook; agents get 403, another
     * number 404, as MANAGERS above (SimulatorAccessTest).
     */
    static final Set<String> DEMO_ONLY_CONTROLLERS = Set.of("br.com.balcao.channel.SimulatorController");

    /**
     * Endpoints a servlet filter of the application answers itself, ahead of Spring MVC, with the filter's class:
     * Meta's notifications (see WebhookFilter). They are mappings of the application as much as a controller's.
     */
    static final Map<String, String> FILTER_ENDPOINTS = Map.of(
            "POST /webhooks/whatsapp", "br.com.balcao.channel.WebhookFilter");

    /**
     * The application's filters that answer nothing themselves: each passes every request on down the chain
     * (see PageBufferFilter), so no endpoint of its own to check. FirstRunGuard does too once the installation has
     * its first admin; before, it sends every page to the first-run setup (see FirstRunSetupTest).
     */
    static final Set<String> PASS_THROUGH_FILTERS = Set.of("br.com.balcao.workspace.PageBufferFilter",
            "br.com.balcao.settings.FirstRunGuard");

    private AccessMatrix() {
    }

    /**
     * Every mapping the application answers, as "METHOD /pattern", with its handler: the controllers'
     * and the actuator's. A mapping without a method restriction is "ANY".
     */
    static Map<String, Set<HandlerMethod>> mappings(ApplicationContext context) {
        Map<String, Set<HandlerMethod>> mappings = new TreeMap<>();
        Set<String> filters = applicationFilters(context);
        FILTER_ENDPOINTS.forEach((mapping, filter) -> {
            if (filters.contains(filter)) {
                mappings.put(mapping, new HashSet<>());
            }
        });
        context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values().forEach(handlerMapping ->
                handlerMapping.getHandlerMethods().forEach((info, handler) -> {
                    for (String key : keys(info)) {
                        mappings.computeIfAbsent(key, any -> new HashSet<>()).add(handler);
                    }
                }));
        return mappings;
    }

    /**
     * The classes of the application's own servlet filters registered through a FilterRegistrationBean, but for
     * those known to answer nothing themselves.
     */
    static Set<String> applicationFilters(ApplicationContext context) {
        Set<String> filters = new TreeSet<>();
        for (FilterRegistrationBean<?> registration : context.getBeansOfType(FilterRegistrationBean.class).values()) {
            String name = registration.getFilter().getClass().getName();
            if (name.startsWith("br.com.balcao.") && !PASS_THROUGH_FILTERS.contains(name)) {
                filters.add(name);
            }
        }
        return filters;
    }

    private static Set<String> keys(RequestMappingInfo info) {
        Set<String> methods = new TreeSet<>();
        info.getMethodsCondition().getMethods().forEach(method -> methods.add(method.name()));
        if (methods.isEmpty()) {
            methods.add("ANY");
        }
        Set<String> keys = new TreeSet<>();
        for (String method : methods) {
            for (String pattern : info.getPatternValues()) {
                keys.add(method + " " + pattern);
            }
        }
        return keys;
    }

    private static Endpoint endpoint(String mapping, Access access, Function<World, AbstractMockHttpServletRequestBuilder<?>> request) {
        return new Endpoint(mapping, access, request);
    }

    private static Map<String, Endpoint> table(Endpoint... endpoints) {
        Map<String, Endpoint> table = new LinkedHashMap<>();
        for (Endpoint endpoint : endpoints) {
            if (table.put(endpoint.mapping(), endpoint) != null) {
                throw new IllegalStateException("listed twice: " + endpoint.mapping());
            }
        }
        return table;
    }

    static List<Endpoint> endpoints() {
        return List.copyOf(TABLE.values());
    }

    private static String id(long id) {
        return String.valueOf(id);
    }
}
