package br.com.balcao.demo;

import java.util.List;
import java.util.Map;

/** Brazilian first names, surnames, area codes and cities the demo contacts are made of. */
final class DemoNames {

    static final List<String> FIRST_NAMES = List.of(
            "João", "José", "Antônio", "Francisco", "Luís", "Luiz", "Paulo", "Carlos", "Marcos", "Pedro",
            "Lucas", "Gabriel", "Matheus", "Rafael", "Felipe", "Gustavo", "Thiago", "Vinícius", "Leandro", "Rodrigo",
            "Fábio", "Márcio", "Sérgio", "Cláudio", "André", "Renato", "Júlio", "Otávio", "Caio", "Cauã",
            "Enzo", "Heitor", "Davi", "Benício", "Joaquim", "Raimundo", "Sebastião", "Geraldo", "Edson", "Valdir",
            "Maria", "Ana", "Márcia", "Conceição", "Lúcia", "Gisele", "Iêda", "Patrícia", "Fernanda", "Juliana",
            "Adriana", "Aline", "Camila", "Letícia", "Bárbara", "Mônica", "Sônia", "Vitória", "Lívia", "Débora",
            "Cecília", "Cíntia", "Flávia", "Tânia", "Rosângela", "Luzia", "Aparecida", "Josefa", "Raquel", "Beatriz",
            "Larissa", "Jéssica", "Natália", "Priscila", "Simone", "Vanessa", "Helena", "Valentina", "Alícia", "Glória",
            "Inês", "Irene", "Rosário", "Socorro", "Zélia", "Nádia", "Úrsula", "Ângela", "Érica", "Lúcio");

    static final List<String> SURNAMES = List.of(
            "Silva", "Santos", "Oliveira", "Souza", "Pereira", "Conceição", "Araújo", "Gonçalves", "Simões",
            "Magalhães", "Brandão", "Lima", "Carvalho", "Ferreira", "Rodrigues", "Almeida", "Nascimento", "Ribeiro",
            "Gomes", "Martins", "Rocha", "Barbosa", "Mendonça", "Gusmão", "Assunção", "Galvão", "Loureiro", "Teixeira",
            "Fonseca", "Nogueira", "Monteiro", "Falcão", "Guimarães", "Bragança", "Peixoto", "Cardoso", "Azevedo",
            "Sá", "Leão", "Abreu", "Vieira", "Moraes", "Damião", "Romão", "Estêvão", "Freitas", "Lopes");

    static final List<String> NICKNAMES = List.of(
            "Zé", "Tati", "Juninho", "Dona Lúcia", "Seu Antônio", "Bia", "Malu", "Gui", "Nanda", "Tião", "Lu",
            "Cacá", "Dudu", "Tônio", "Fafá", "Mãe", "Vó Conceição", "Tio Zé");

    static final Map<String, String> CITIES = Map.ofEntries(
            Map.entry("11", "São Paulo"), Map.entry("13", "Santos"), Map.entry("19", "Campinas"),
            Map.entry("21", "Rio de Janeiro"), Map.entry("24", "Petrópolis"), Map.entry("27", "Vitória"),
            Map.entry("31", "Belo Horizonte"), Map.entry("41", "Curitiba"), Map.entry("51", "Porto Alegre"),
            Map.entry("61", "Brasília"), Map.entry("71", "Salvador"), Map.entry("81", "Recife"),
            Map.entry("85", "Fortaleza"), Map.entry("92", "Manaus"));

    static final List<String> AREA_CODES = List.of(
            "11", "13", "19", "21", "24", "27", "31", "41", "51", "61", "71", "81", "85", "92");

    static final List<String> EMAIL_DOMAINS = List.of(
            "gmail.com", "gmail.com", "gmail.com", "hotmail.com", "outlook.com", "yahoo.com.br", "uol.com.br",
            "bol.com.br", "terra.com.br");

    static final List<String> CHANNELS = List.of("Instagram", "Indicação", "Google", "Loja física", "Facebook");

    private DemoNames() {
    }
}
