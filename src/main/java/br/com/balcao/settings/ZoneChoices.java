package br.com.balcao.settings;

import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The time zones a number may take, as the settings list them: Brazil's first, named by the places people
 * know them by ("Brasília (America/Sao_Paulo)"), then every other region-based zone by its city and the
 * zone's name in the user's language, so that typing a city, a country's zone name or the id finds it.
 */
final class ZoneChoices {

    /** A zone as offered: the id that is stored and what the user reads. */
    record ZoneChoice(String id, String label) {
    }

    private static final List<ZoneChoice> BRAZIL = List.of(
            brazilian("America/Sao_Paulo", "Brasília"),
            brazilian("America/Bahia", "Bahia"),
            brazilian("America/Fortaleza", "Fortaleza"),
            brazilian("America/Recife", "Recife"),
            brazilian("America/Maceio", "Maceió"),
            brazilian("America/Belem", "Belém"),
            brazilian("America/Santarem", "Santarém"),
            brazilian("America/Araguaina", "Araguaína, Tocantins"),
            brazilian("America/Noronha", "Fernando de Noronha"),
            brazilian("America/Manaus", "Manaus, Amazonas"),
            brazilian("America/Cuiaba", "Cuiabá, Mato Grosso"),
            brazilian("America/Campo_Grande", "Campo Grande, Mato Grosso do Sul"),
            brazilian("America/Porto_Velho", "Porto Velho, Rondônia"),
            brazilian("America/Boa_Vista", "Boa Vista, Roraima"),
            brazilian("America/Rio_Branco", "Rio Branco, Acre"),
            brazilian("America/Eirunepe", "Eirunepé, Amazonas"));

    /** Every region-based id (no fixed offsets or legacy aliases), sorted. */
    static final List<String> IDS = ZoneId.getAvailableZoneIds().stream()
            .filter(id -> id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/"))
            .sorted().toList();

    private static final Map<Locale, List<ZoneChoice>> BY_LOCALE = new ConcurrentHashMap<>();

    private ZoneChoices() {
    }

    static List<ZoneChoice> in(Locale locale) {
        return BY_LOCALE.computeIfAbsent(locale, ZoneChoices::build);
    }

    private static List<ZoneChoice> build(Locale locale) {
        List<ZoneChoice> choices = new ArrayList<>(BRAZIL);
        List<String> brazilian = BRAZIL.stream().map(ZoneChoice::id).toList();
        IDS.stream().filter(id -> !brazilian.contains(id)).forEach(id -> choices.add(new ZoneChoice(id,
                city(id) + " — " + ZoneId.of(id).getDisplayName(TextStyle.FULL, locale) + " (" + id + ")")));
        return List.copyOf(choices);
    }

    private static ZoneChoice brazilian(String id, String place) {
        return new ZoneChoice(id, place + " (" + id + ")");
    }

    /** The id's last part, which names a city: "America/Argentina/Buenos_Aires" is "Buenos Aires". */
    private static String city(String id) {
        return id.substring(id.lastIndexOf('/') + 1).replace('_', ' ');
    }
}
