package br.com.balcao.channel;

import static br.com.balcao.channel.WebhookFixtures.addressedTo;
import static br.com.balcao.channel.WebhookFixtures.signature;
import static br.com.balcao.channel.WebhookFixtures.webhookPost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestData;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Signed but hostile webhooks: random bytes, Meta's envelope with values of the wrong type, huge arrays,
 * deep nesting, broken UTF-8. Each answer is 200 (processed) or 4xx, never a server error; a refused body
 * stores nothing; and afterwards a genuine message is still processed. The random cases are seeded, so a
 * failure names the seed and case that reproduce it.
 */
@IntegrationTest
class WebhookFuzzTest {

    static final String SECRET = IntegrationTest.WEBHOOK_SECRET;
    private static final long SEED = 20261122L;
    private static final int MUTATIONS = 100;

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired JdbcTemplate jdbc;

    private final JsonMapper json = JsonMapper.builder().build();
    private long numberId;
    private String phoneNumberId;

    @BeforeEach
    void aNumber() {
        numberId = data.openNumber("Fuzz " + TestData.unique());
        phoneNumberId = data.phoneNumberId(numberId);
    }

    @Test
    void envelopesWithValuesOfTheWrongTypeAreRefusedOrProcessedButNeverBreakAnything() throws Exception {
        Random random = new Random(SEED);
        List<String> templates = List.of("text.json", "image.json", "location.json", "interactive_button_reply.json",
                "status_delivered.json", "multiple_entries.json");
        for (int i = 0; i < MUTATIONS; i++) {
            String template = templates.get(random.nextInt(templates.size()));
            JsonNode envelope = json.readTree(addressedTo(template, phoneNumberId, phoneNumberId));
            mutate(envelope, random);
            byte[] body = json.writeValueAsBytes(envelope);
            postAndCheck(body, "seed " + SEED + ", case " + i + " (" + template + "): " + json.writeValueAsString(envelope));
        }
        aGenuineMessageIsStillProcessed();
    }

    @Test
    void randomBytesAndBrokenTextAreBadRequestsThatStoreNothing() throws Exception {
        Random random = new Random(SEED + 1);
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            byte[] noise = new byte[1 + random.nextInt(2000)];
            random.nextBytes(noise);
            bodies.add(noise);
        }
        bodies.add(new byte[] {(byte) 0xC3, (byte) 0x28, '{', '}'});
        bodies.add("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[{\"value\":\"\u0000\"}]}]}"
                .getBytes(StandardCharsets.UTF_8));
        bodies.add("[".repeat(100_000).getBytes(StandardCharsets.US_ASCII));
        bodies.add(("{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000)).getBytes(StandardCharsets.US_ASCII));
        bodies.add("null".getBytes(StandardCharsets.US_ASCII));
        bodies.add("\"whatsapp\"".getBytes(StandardCharsets.US_ASCII));

        for (int i = 0; i < bodies.size(); i++) {
            long before = storedRows();
            int status = post(bodies.get(i));
            assertThat(status).as("body %d", i).isBetween(400, 499);
            assertThat(storedRows()).as("body %d", i).isEqualTo(before);
        }
        aGenuineMessageIsStillProcessed();
    }

    @Test
    void hugeArraysAreAnsweredWithoutBreakingTheApp() throws Exception {
        ObjectNode envelope = (ObjectNode) json.readTree(addressedTo("status_delivered.json", phoneNumberId));
        ArrayNode statuses = (ArrayNode) envelope.at("/entry/0/changes/0/value/statuses");
        JsonNode status = statuses.get(0);
        for (int i = 0; i < 2_500; i++) {
            statuses.add(((ObjectNode) status.deepCopy()).put("id", "wamid.unknown." + i));
        }
        ArrayNode entries = (ArrayNode) envelope.get("entry");
        for (int i = 0; i < 1_000; i++) {
            entries.addObject().put("id", String.valueOf(i)).putArray("changes");
        }
        byte[] body = json.writeValueAsBytes(envelope);
        assertThat(body.length).isLessThan(1024 * 1024);

        assertThat(post(body)).isEqualTo(200);
        aGenuineMessageIsStillProcessed();
    }

    private void postAndCheck(byte[] body, String description) throws Exception {
        long before = storedRows();
        int status = post(body);
        assertThat(status).as(description).isIn(200, 400);
        if (status != 200) {
            assertThat(storedRows()).as(description).isEqualTo(before);
        }
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM messages WHERE number_id = ? AND direction = 'INBOUND' AND ticket_id IS NULL
                """, Long.class, numberId)).as("every stored message is in a ticket (the number never closes): " + description)
                .isZero();
    }

    private int post(byte[] body) throws Exception {
        return mvc.perform(webhookPost(body, signature(SECRET, body))).andReturn().getResponse().getStatus();
    }

    private void aGenuineMessageIsStillProcessed() throws Exception {
        String wamid = "wamid.after.fuzz." + TestData.unique();
        byte[] body = new String(addressedTo("text.json", phoneNumberId), StandardCharsets.UTF_8)
                .replace("wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQUFBNjZGOEQ5RTM1NkY0QjBFAA==", wamid)
                .getBytes(StandardCharsets.UTF_8);
        assertThat(post(body)).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM messages WHERE number_id = ? AND wamid = ?", Long.class,
                numberId, wamid)).isEqualTo(1);
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
    }

    private long storedRows() {
        return jdbc.queryForObject("""
                SELECT (SELECT count(*) FROM messages WHERE number_id = ?) + (SELECT count(*) FROM contacts WHERE number_id = ?)
                     + (SELECT count(*) FROM tickets WHERE number_id = ?)
                """, Long.class, numberId, numberId, numberId);
    }

    /** Replaces one randomly chosen value anywhere in the tree by a value of another kind. */
    private static void mutate(JsonNode root, Random random) {
        List<JsonNode> containers = new ArrayList<>();
        collectContainers(root, containers);
        JsonNode container = containers.get(random.nextInt(containers.size()));
        JsonNode replacement = randomValue(random);
        if (container instanceof ObjectNode object) {
            List<String> names = new ArrayList<>(object.propertyNames());
            if (names.isEmpty()) {
                object.set("x", replacement);
            } else {
                object.set(names.get(random.nextInt(names.size())), replacement);
            }
        } else if (container instanceof ArrayNode array) {
            if (array.isEmpty()) {
                array.add(replacement);
            } else {
                array.set(random.nextInt(array.size()), replacement);
            }
        }
    }

    private static void collectContainers(JsonNode node, List<JsonNode> into) {
        if (node.isContainer()) {
            into.add(node);
            for (JsonNode child : node) {
                collectContainers(child, into);
            }
        }
    }

    private static JsonNode randomValue(Random random) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (random.nextInt(9)) {
            case 0 -> nodes.nullNode();
            case 1 -> nodes.numberNode(random.nextLong());
            case 2 -> nodes.numberNode(random.nextDouble() * 1e12);
            case 3 -> nodes.booleanNode(random.nextBoolean());
            case 4 -> nodes.stringNode("<script>alert(" + random.nextInt() + ")</script>\u202E\u0007");
            case 5 -> nodes.stringNode("9".repeat(1 + random.nextInt(40)));
            case 6 -> nodes.arrayNode().add(nodes.numberNode(1)).add(nodes.stringNode("x"));
            case 7 -> nodes.objectNode().put("unexpected", true);
            default -> nodes.stringNode("");
        };
    }
}
