package br.com.balcao.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestData;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The list's name filter by words (issue 20), as the Conversations search reads a name: every word typed, in any
 * order, accents and case ignored, inside the name (a word's start or elsewhere); most recent first, as the list
 * always is; another number's contacts never.
 */
@IntegrationTest
class ContactNameFilterTest {

    private static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");

    @Autowired
    ContactListing listing;

    @Autowired
    TestData data;

    long number;
    long joaquim;
    long inOrder;
    long anyOrder;
    long insideAWord;
    long leticia;
    long maria;
    long ana;

    @BeforeEach
    void brazilianNames() {
        number = data.number("Filtro " + TestData.unique());
        long other = data.number("Outro " + TestData.unique());
        joaquim = data.contact(number, "Joaquim Leão Bragança", 60);
        inOrder = data.contact(number, "Ana Joaquim da Bragança", 50);
        anyOrder = data.contact(number, "Bragança Joaquim dos Santos", 40);
        insideAWord = data.contact(number, "Sanjoaquim Bragançano", 30);
        leticia = data.contact(number, "Letícia Bragança Conceição", 20);
        maria = data.contact(number, "María Ñúñez Gonçalves", 10);
        ana = data.contact(number, "Ana Maria da Silva dos Santos", 5);
        data.contact(number, "Joaquim Silva", 1);
        data.contact(other, "Joaquim Leão Bragança", 2);
        data.contact(other, "María Ñúñez Gonçalves", 3);
    }

    @Test
    void everyWordTypedInAnyOrderWithoutAccentsMostRecentFirst() {
        assertThat(listed("Joaquim Bragança")).containsExactly(insideAWord, anyOrder, inOrder, joaquim);
        assertThat(listed("braganca JOAQUIM")).containsExactly(insideAWord, anyOrder, inOrder, joaquim);
        assertThat(listed("joaquim leao")).containsExactly(joaquim);
        assertThat(listed("Letícia Conceição")).containsExactly(leticia);
        assertThat(listed("maria goncalves")).containsExactly(maria);
        assertThat(listed("ana da silva")).containsExactly(ana);
        assertThat(listed("santos ana")).containsExactly(ana);
        assertThat(listed("joaquim souza")).isEmpty();
    }

    @Test
    void oneWordStillFindsAnyPartOfTheName() {
        assertThat(listed("ceição")).containsExactly(leticia);
        assertThat(listed("nunez")).containsExactly(maria);
    }

    private List<Long> listed(String name) {
        ContactFilter filter = new ContactFilter(null, null, name, null, null, null, null, null);
        return listing.page(number, filter, ZONE, Optional.empty()).rows().stream().map(ContactRow::id).toList();
    }
}
