package br.com.balcao.demo;

import br.com.balcao.demo.DemoCatalog.DemoNumber;
import java.util.List;

/** What customers and agents say in the demo conversations, by subject. */
final class ChatScripts {

    record Attachment(String type, String mimeType, String fileName, String caption) {
    }

    record Topic(String tag, List<String> questions, List<String> answers, List<String> replies,
                 List<Attachment> attachments) {
    }

    static final Attachment PHOTO = new Attachment("IMAGE", "image/jpeg", null, "Olha a foto");
    static final Attachment PHOTO_NO_CAPTION = new Attachment("IMAGE", "image/jpeg", null, null);
    static final Attachment VOICE = new Attachment("AUDIO", "audio/ogg; codecs=opus", null, null);
    static final Attachment VIDEO = new Attachment("VIDEO", "video/mp4", null, "Veja o que acontece");
    static final Attachment RECEIPT = new Attachment("DOCUMENT", "application/pdf", "comprovante_pix.pdf",
            "Segue o comprovante");
    static final Attachment INVOICE = new Attachment("DOCUMENT", "application/pdf", "nota_fiscal.pdf", null);
    static final Attachment LOCATION = new Attachment("LOCATION", null, null, null);
    static final Attachment BOLETO = new Attachment("DOCUMENT", "application/pdf", "boleto_segunda_via.pdf",
            "Segue o boleto atualizado");

    static final Topic DUVIDA = new Topic("Dúvida",
            List.of("Vocês têm o tênis de corrida da Olympikus no tamanho 42?",
                    "Queria saber se ainda tem a panela de pressão que estava na vitrine.",
                    "Qual o preço da cafeteira elétrica?",
                    "Vocês vendem capa para celular Samsung A54?",
                    "Tem a mochila escolar azul em estoque?",
                    "Vocês abrem no feriado?"),
            List.of("Temos sim! Posso separar uma unidade para você?",
                    "Deixa eu verificar no estoque, só um instante.",
                    "No momento está em falta, mas chega uma nova remessa na próxima semana.",
                    "O valor é R$ 189,90 à vista ou em até 3x sem juros no cartão."),
            List.of("Pode separar, por favor. Passo aí amanhã.", "Ótimo! Aceitam Pix?",
                    "Entendi. Me avisa quando chegar?", "Perfeito, obrigado pela informação."),
            List.of(PHOTO_NO_CAPTION, VOICE));

    static final Topic TROCA = new Topic("Troca",
            List.of("Comprei uma camisa aí semana passada e ficou pequena. Consigo trocar?",
                    "Ganhei um presente que veio com defeito, como faço a troca?",
                    "Quero trocar o tamanho do vestido que comprei."),
            List.of("Consegue sim! A troca pode ser feita em até 30 dias com a nota fiscal.",
                    "Claro! É só trazer o produto com a etiqueta que fazemos a troca na hora.",
                    "Você tem o número do pedido ou a nota fiscal?"),
            List.of("Tenho sim, está aqui.", "Beleza, vou passar aí no sábado.",
                    "Não tenho mais a nota, tem problema?", "Ok, muito obrigada!"),
            List.of(INVOICE, PHOTO));

    static final Topic ENTREGA = new Topic("Entrega",
            List.of("Meu pedido ainda não chegou, o prazo era ontem.",
                    "Podem me passar o código de rastreio do meu pedido?",
                    "Qual o prazo de entrega para Curitiba?",
                    "O entregador veio e eu não estava, e agora?"),
            List.of("Vou verificar com a transportadora. Pode me informar o número do pedido?",
                    "O código de rastreio é BR123456789BR. Você acompanha pelo site dos Correios.",
                    "O prazo é de 5 a 8 dias úteis após a confirmação do pagamento.",
                    "A transportadora fará uma nova tentativa no próximo dia útil."),
            List.of("O número é 48213.", "Ok, vou acompanhar.", "Tá bom, obrigado!",
                    "Vocês conseguem agilizar? Preciso com urgência."),
            List.of(LOCATION, PHOTO_NO_CAPTION));

    static final Topic FINANCEIRO = new Topic("Financeiro",
            List.of("Preciso da segunda via do boleto.",
                    "Paguei via Pix mas o pedido continua como aguardando pagamento.",
                    "Posso parcelar no cartão?",
                    "Fui cobrado duas vezes na fatura."),
            List.of("Claro! Vou gerar a segunda via e te envio aqui.",
                    "Pode me enviar o comprovante, por favor?",
                    "Parcelamos em até 6x sem juros no cartão de crédito.",
                    "Vou encaminhar para o setor financeiro e retorno ainda hoje."),
            List.of("Obrigado, recebi.", "Ok, fico no aguardo.", "Certo, vou pagar hoje ainda.",
                    "Já mandei o comprovante."),
            List.of(RECEIPT));

    static final Topic RECLAMACAO = new Topic("Reclamação",
            List.of("Estou muito insatisfeito, o produto chegou quebrado!",
                    "Fui mal atendido na loja ontem.",
                    "Já é a terceira vez que entro em contato e ninguém resolve.",
                    "O produto parou de funcionar em uma semana."),
            List.of("Sinto muito pelo ocorrido! Pode me enviar uma foto do produto?",
                    "Peço desculpas pelo transtorno. Vou registrar sua reclamação e resolver com prioridade.",
                    "Lamentamos muito. Vamos enviar um produto novo sem custo."),
            List.of("Mandei a foto agora.", "Espero que resolvam dessa vez.",
                    "Tudo bem, obrigado pela atenção.", "Ok, aguardo o retorno."),
            List.of(PHOTO, VIDEO, VOICE));

    static final Topic ELOGIO = new Topic("Elogio",
            List.of("Só queria agradecer, o atendimento de vocês é excelente!",
                    "Recebi o pedido antes do prazo, adorei!",
                    "A Ana me ajudou muito ontem, parabéns pela equipe."),
            List.of("Que bom saber disso! Muito obrigado pelo carinho.",
                    "Ficamos muito felizes! Vamos repassar para a equipe."),
            List.of("Vocês merecem!", "Obrigada, até a próxima!"),
            List.of(PHOTO_NO_CAPTION));

    static final Topic VENDA = new Topic("Venda",
            List.of("Quero fazer um pedido para entrega.",
                    "Vocês fazem desconto para compra em quantidade?",
                    "Quero comprar o kit de panelas que vi no Instagram."),
            List.of("Claro! Me passa o nome completo e o endereço de entrega, por favor.",
                    "Para compras acima de 10 unidades damos 10% de desconto.",
                    "Temos sim, o kit sai por R$ 349,90. Quer que eu envie o link de pagamento?"),
            List.of("Manda o link, por favor.", "Meu endereço é Rua das Acácias, 120, apto 32.",
                    "Fechado, vou querer.", "Vou pensar e te retorno."),
            List.of(LOCATION, PHOTO_NO_CAPTION));

    static final Topic CONSERTO = new Topic("Dúvida",
            List.of("Deixei meu notebook aí para conserto, já ficou pronto?",
                    "Meu celular não carrega mais, vocês consertam?",
                    "Quanto custa a troca de tela de um iPhone 11?",
                    "A TV que vocês consertaram voltou a dar o mesmo defeito.",
                    "Minha geladeira parou de gelar, vocês atendem em domicílio?"),
            List.of("Vou consultar a ordem de serviço. Qual o número da OS?",
                    "Consertamos sim! O diagnóstico é gratuito e fica pronto em até 48 horas.",
                    "A troca de tela sai por R$ 650,00 com garantia de 90 dias.",
                    "Como está na garantia, pode trazer que avaliamos sem custo.",
                    "Atendemos sim, a visita técnica custa R$ 90,00."),
            List.of("A OS é 2026-0815.", "Posso levar hoje à tarde?", "Tá caro, mas vou fazer.",
                    "Ok, levo amanhã cedo.", "Pode agendar a visita para quinta?"),
            List.of(PHOTO, VIDEO, VOICE, LOCATION));

    static final List<String> GREETINGS = List.of("Oi", "Olá", "Oi, tudo bem?", "Oii", "Olá, tudo bem?", "Opa");
    static final List<String> NUDGES = List.of("Alguém?", "Oi?? Tem alguém aí?", "Vou tentar mais tarde.", "?");
    static final List<String> THANKS = List.of("Não, era só isso. Obrigado!", "Só isso mesmo, valeu!",
            "Não, obrigada!", "Era isso, obrigado pela ajuda 🙂");
    static final List<String> ANYTHING_ELSE = List.of("Posso ajudar em algo mais?", "Mais alguma dúvida?",
            "Ficou alguma dúvida?");
    static final List<String> ACTIVE_REPLIES = List.of("Oi! Sim, por favor.", "Pode sim, obrigado por retornar!",
            "Oi, ainda preciso de ajuda.", "Sim! Eu tinha mandado mensagem ontem.");
    static final List<String> NOTES = List.of(
            "Cliente pediu retorno por telefone no fim da tarde.",
            "Já é cliente antigo, tratar com prioridade.",
            "Enviado para o financeiro conferir o pagamento.",
            "Cliente irritado, evitar transferir novamente.",
            "Prefere ser atendido pelo WhatsApp, não ligar.",
            "Aguardando a transportadora confirmar a nova data de entrega.",
            "Produto trocado na loja, sem custo.",
            "Combinado desconto de 10% na próxima compra.");

    static List<Topic> topics(DemoNumber number) {
        if (number.id() == DemoCatalog.ASSISTENCIA.id()) {
            return List.of(CONSERTO, CONSERTO, CONSERTO, RECLAMACAO, FINANCEIRO, ELOGIO);
        }
        if (number.id() == DemoCatalog.LOJA_ONLINE.id()) {
            return List.of(ENTREGA, ENTREGA, ENTREGA, VENDA, VENDA, TROCA, FINANCEIRO, RECLAMACAO, ELOGIO);
        }
        return List.of(DUVIDA, DUVIDA, DUVIDA, VENDA, TROCA, TROCA, FINANCEIRO, RECLAMACAO, ELOGIO);
    }

    static String greeting(int localHour) {
        if (localHour >= 5 && localHour < 12) {
            return "Bom dia";
        }
        return localHour >= 12 && localHour < 18 ? "Boa tarde" : "Boa noite";
    }

    private ChatScripts() {
    }
}
