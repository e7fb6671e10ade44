package br.com.balcao.demo;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;

import java.util.ArrayList;
import java.util.List;

/** The fixed facts of the demo: numbers, users, memberships, tags, quick replies, templates, absences. */
final class DemoCatalog {

    /** Every demo account's password, as the README publishes it. */
    static final String PASSWORD = "demo";

    static final long ADMIN = 1;
    static final long MANAGER = 2;
    static final long ANA = 3;
    static final long BRUNO = 4;
    static final long CARLA = 5;
    static final long DIEGO = 6;

    record DemoNumber(long id, String name, String displayPhone, String phoneNumberId, ServiceHours hours,
                      String afterHoursMessage, boolean notifyNextOpening, List<Long> agents,
                      List<Long> activeMessageAgents) {
    }

    record User(long id, String name, String email, String role, String status, boolean female) {

        String firstName() {
            return name.split(" ")[0];
        }
    }

    record Membership(long userId, long numberId, boolean activeMessage) {
    }

    record Tag(long id, String name, String color) {
    }

    record QuickReply(String title, String body) {
    }

    record QuickReplyCategory(String name, List<QuickReply> replies) {
    }

    record Template(String name, String category, String body, String status) {
    }

    record Absence(long numberId, String message, Long suggestedUserId, String suggestedName,
                   String suggestedPhone) {
    }

    static final DemoNumber LOJA_CENTRO = new DemoNumber(1, "Loja Centro", "+55 11 3456-7890", "100000000000001",
            ServiceHours.weekly(concat(
                    ServiceHours.days(MONDAY, FRIDAY, "08:00", "12:00"),
                    ServiceHours.days(MONDAY, FRIDAY, "13:00", "18:00"),
                    ServiceHours.days(SATURDAY, SATURDAY, "08:00", "12:00"))),
            "Olá! Nosso atendimento funciona de segunda a sexta, das 8h às 18h, e aos sábados, das 8h às 12h.",
            true, List.of(ANA, ANA, ANA, DIEGO, DIEGO, MANAGER), List.of(ANA, DIEGO));

    static final DemoNumber LOJA_ONLINE = new DemoNumber(2, "Loja Online", "+55 11 4000-1234", "100000000000002",
            ServiceHours.weekly(ServiceHours.days(MONDAY, SATURDAY, "09:00", "21:00")),
            "Olá! A Loja Online atende de segunda a sábado, das 9h às 21h.",
            false, List.of(ANA, ANA, BRUNO, BRUNO, BRUNO, MANAGER), List.of(ANA, BRUNO));

    static final DemoNumber ASSISTENCIA = new DemoNumber(3, "Assistência Técnica", "+55 21 3333-4444",
            "100000000000003", ServiceHours.alwaysOpen(),
            "Olá! A Assistência Técnica atende 24 horas.",
            false, List.of(CARLA, CARLA, CARLA, DIEGO, DIEGO, MANAGER), List.of(CARLA));

    static final List<DemoNumber> NUMBERS = List.of(LOJA_CENTRO, LOJA_ONLINE, ASSISTENCIA);

    static final List<User> USERS = List.of(
            new User(ADMIN, "Administrador", "admin@demo.local", "ADMIN", "OFFLINE", false),
            new User(MANAGER, "Marina Gestora", "manager@demo.local", "MANAGER", "OFFLINE", true),
            new User(ANA, "Ana Souza", "ana@demo.local", "AGENT", "ONLINE", true),
            new User(BRUNO, "Bruno Lima", "bruno@demo.local", "AGENT", "BREAK", false),
            new User(CARLA, "Carla Mendes", "carla@demo.local", "AGENT", "ONLINE", true),
            new User(DIEGO, "Diego Araújo", "diego@demo.local", "AGENT", "OFFLINE", false));

    static final List<Membership> MEMBERSHIPS = List.of(
            new Membership(ADMIN, 1, true), new Membership(ADMIN, 2, true), new Membership(ADMIN, 3, true),
            new Membership(MANAGER, 1, true), new Membership(MANAGER, 2, true), new Membership(MANAGER, 3, true),
            new Membership(ANA, 1, true), new Membership(ANA, 2, true),
            new Membership(BRUNO, 2, true),
            new Membership(CARLA, 3, true),
            new Membership(DIEGO, 1, true), new Membership(DIEGO, 3, false));

    static final List<Tag> TAGS = List.of(
            new Tag(1, "Dúvida", "#0d6efd"),
            new Tag(2, "Reclamação", "#dc3545"),
            new Tag(3, "Venda", "#198754"),
            new Tag(4, "Troca", "#fd7e14"),
            new Tag(5, "Entrega", "#6f42c1"),
            new Tag(6, "Elogio", "#20c997"),
            new Tag(7, "Financeiro", "#ffc107"),
            new Tag(8, "Urgente", "#d63384"));

    static final List<QuickReplyCategory> QUICK_REPLIES = List.of(
            new QuickReplyCategory("Saudações", List.of(
                    new QuickReply("Boas-vindas", "Olá! Seja bem-vindo(a). Como posso ajudar você hoje?"),
                    new QuickReply("Bom dia", "Bom dia! Obrigado por entrar em contato. Em que posso ajudar?"),
                    new QuickReply("Aguarde um instante", "Só um instante, por favor, que já verifico para você."),
                    new QuickReply("Retomando contato", "Olá! Estou retomando o seu atendimento. Podemos continuar?"))),
            new QuickReplyCategory("Pedidos", List.of(
                    new QuickReply("Número do pedido", "Pode me informar o número do pedido, por favor?"),
                    new QuickReply("Prazo de entrega", "O prazo de entrega é de 5 a 8 dias úteis após a confirmação do pagamento."),
                    new QuickReply("Rastreio", "Você pode acompanhar a entrega pelo código de rastreio no site dos Correios."),
                    new QuickReply("Política de troca", "As trocas podem ser feitas em até 30 dias, com a nota fiscal e o produto sem uso."),
                    new QuickReply("Pedido separado", "Seu pedido já foi separado e sai para entrega amanhã."))),
            new QuickReplyCategory("Pagamentos", List.of(
                    new QuickReply("Formas de pagamento", "Aceitamos Pix, boleto e cartão de crédito em até 6x sem juros."),
                    new QuickReply("Chave Pix", "Nossa chave Pix é o CNPJ 12.345.678/0001-90. Depois é só enviar o comprovante aqui."),
                    new QuickReply("Segunda via do boleto", "Vou gerar a segunda via do boleto e envio aqui em instantes."),
                    new QuickReply("Pagamento confirmado", "Pagamento confirmado! Obrigado pela compra."))),
            new QuickReplyCategory("Encerramento", List.of(
                    new QuickReply("Algo mais?", "Posso ajudar em algo mais?"),
                    new QuickReply("Agradecimento", "Obrigado pelo contato! Tenha um ótimo dia."),
                    new QuickReply("Pesquisa de satisfação", "Antes de encerrar: de 1 a 5, qual nota você dá para o nosso atendimento?"))));

    static final Template RETORNO = new Template("retorno_atendimento", "UTILITY",
            "Olá, {{1}}! Aqui é da {{2}}. Podemos continuar seu atendimento?", "APPROVED");
    static final Template ORCAMENTO = new Template("orcamento_pronto", "UTILITY",
            "Olá, {{1}}! O orçamento do seu {{2}} está pronto. Podemos seguir com o conserto?", "APPROVED");

    static List<Template> templates(DemoNumber number) {
        List<Template> templates = new ArrayList<>(List.of(RETORNO,
                new Template("retorno_horario", "UTILITY",
                        "Olá, {{1}}! Recebemos sua mensagem fora do nosso horário. Como podemos ajudar?", "APPROVED"),
                new Template("lembrete_pagamento", "UTILITY",
                        "Olá, {{1}}. O boleto do pedido {{2}} vence amanhã. Precisa de ajuda?", "PENDING"),
                new Template("cupom_desconto", "MARKETING",
                        "Ganhe {{1}}% de desconto com o cupom {{2}}! Válido até domingo.", "REJECTED")));
        if (number.id() == ASSISTENCIA.id()) {
            templates.add(ORCAMENTO);
        } else {
            templates.add(new Template("pedido_enviado", "UTILITY",
                    "Olá, {{1}}! Seu pedido {{2}} foi enviado e chega em até {{3}} dias úteis.", "APPROVED"));
            templates.add(new Template("promocao_semana", "MARKETING",
                    "{{1}}, esta semana tem ofertas especiais na {{2}}! Responda para saber mais.", "APPROVED"));
        }
        return templates;
    }

    static final List<Absence> ABSENCES = List.of(
            new Absence(1, "Nossa equipe está reduzida hoje. Se preferir, fale com o Diego pelo telefone abaixo.",
                    DIEGO, "Diego Araújo", "+55 11 97654-3210"),
            new Absence(2, "Estou ausente no momento. Para não esperar, fale com a Ana pelo telefone abaixo.",
                    ANA, "Ana Souza", "+55 11 98765-4321"),
            new Absence(3, "Nosso técnico está em atendimento externo. Para urgências, ligue para a central.",
                    null, "Central de Suporte", "+55 21 3333-4445"));

    static DemoNumber number(long id) {
        return NUMBERS.stream().filter(number -> number.id() == id).findFirst().orElseThrow();
    }

    static User user(long id) {
        return USERS.stream().filter(user -> user.id() == id).findFirst().orElseThrow();
    }

    static long tagId(String name) {
        return TAGS.stream().filter(tag -> tag.name().equals(name)).findFirst().orElseThrow().id();
    }

    @SafeVarargs
    private static <T> List<T> concat(List<T>... lists) {
        List<T> all = new ArrayList<>();
        for (List<T> list : lists) {
            all.addAll(list);
        }
        return all;
    }

    private DemoCatalog() {
    }
}
