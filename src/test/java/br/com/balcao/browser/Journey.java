package br.com.balcao.browser;

import br.com.balcao.support.TestData;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The cast of {@link JourneyBrowserTest}, all its own: an always-open number, an ONLINE agent and a manager on
 * it, a customer never seen, a quick reply and a tag no other test uses.
 */
record Journey(long numberId, String agentEmail, String managerEmail, String customerPhone, String customerName,
               String replyTitle, String replyBody, long tagId) {

    static final String CUSTOMER_MESSAGE = "Olá! Meu pedido ainda não chegou, vocês podem ver?";

    static Journey cast(TestData data, JdbcTemplate jdbc) {
        long n = TestData.unique();
        long numberId = data.openNumber("Jornada " + n);
        String agentEmail = data.email("jornada.agente");
        data.member(data.user("AGENT", agentEmail), numberId);
        jdbc.update("UPDATE app_users SET status = 'ONLINE' WHERE email = ?", agentEmail);
        String managerEmail = data.email("jornada.gerente");
        data.member(data.user("MANAGER", managerEmail), numberId);
        long tagId = jdbc.queryForObject("INSERT INTO tags (name) VALUES (?) RETURNING id", Long.class, "Jornada " + n);
        Journey journey = new Journey(numberId, agentEmail, managerEmail, "+" + TestData.waId(), "Joana Jornada " + n,
                "Pedido atrasado " + n, "Sentimos muito pela demora! Seu pedido sai hoje, protocolo " + n + ".", tagId);
        long category = jdbc.queryForObject("INSERT INTO quick_reply_categories (name) VALUES (?) RETURNING id",
                Long.class, "Jornada " + n);
        jdbc.update("INSERT INTO quick_replies (category_id, title, body) VALUES (?, ?, ?)", category,
                journey.replyTitle(), journey.replyBody());
        return journey;
    }
}
