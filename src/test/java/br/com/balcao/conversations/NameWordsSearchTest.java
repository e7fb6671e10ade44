package br.com.balcao.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestData;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The name search by words (issue 20): Brazilian names with middle names and particles, typed with some of their
 * words, in any order, without accents; the better matches first even when the worse ones are more recent.
 */
@IntegrationTest
class NameWordsSearchTest {

    @Autowired
    ContactSearch search;

    @Autowired
    TestData data;

    long number;

    @BeforeEach
    void aNumber() {
        number = data.number("Nomes " + TestData.unique());
    }

    @Test
    void theWordsTypedNeedNotBeNextToEachOtherNorInOrderNorAccented() {
        long joaquim = data.contact(number, "Joaquim Leão Bragança", 30);
        long leticia = data.contact(number, "Letícia Bragança Conceição", 20);
        long maria = data.contact(number, "María Ñúñez Gonçalves", 10);
        long ana = data.contact(number, "Ana Maria da Silva dos Santos", 5);
        data.contact(number, "Joaquim Silva", 1);

        assertThat(found("Joaquim Bragança")).containsExactly(joaquim);
        assertThat(found("joaquim leao")).containsExactly(joaquim);
        assertThat(found("BRAGANÇA JOAQUIM")).containsExactly(joaquim);
        assertThat(found("Letícia Conceição")).containsExactly(leticia);
        assertThat(found("maria goncalves")).containsExactly(maria);
        assertThat(found("nunez")).containsExactly(maria);
        assertThat(found("ana silva")).containsExactly(ana);
        assertThat(found("dos santos ana")).containsExactly(ana);
        assertThat(found("ana da silva")).containsExactly(ana);
        assertThat(found("ana souza")).isEmpty();
    }

    @Test
    void inOrderFromTheStartThenInOrderThenAnyOrderThenInsideWords() {
        long fromTheStart = data.contact(number, "Joaquim Leão Bragança", 60);
        long fromTheStartRecent = data.contact(number, "Joaquim Bragança Filho", 50);
        long inOrder = data.contact(number, "Ana Joaquim da Bragança", 40);
        long anyOrder = data.contact(number, "Bragança Joaquim dos Santos", 30);
        long insideAWord = data.contact(number, "Sanjoaquim Bragançano", 20);
        data.contact(number, "Joaquim Silva", 10);
        data.contact(number, "Maria Bragança", 5);

        assertThat(found("joaquim braganca"))
                .containsExactly(fromTheStartRecent, fromTheStart, inOrder, anyOrder, insideAWord);
    }

    @Test
    void anotherNumbersContactsAreNeverShown() {
        long other = data.number("Outro " + TestData.unique());
        long mine = data.contact(number, "Joaquim Leão Bragança", 30);
        data.contact(other, "Joaquim Leão Bragança", 1);
        data.contact(other, "Bragança Joaquim", 2);

        assertThat(found("joaquim braganca")).containsExactly(mine);
    }

    @Test
    void wildcardsInAWordAreText() {
        long percent = data.contact(number, "Loja 100% Bragança", 30);
        data.contact(number, "Loja 1000 Bragança", 20);

        assertThat(found("braganca 100%")).containsExactly(percent);
    }

    private List<Long> found(String typed) {
        return search.search(SearchQuery.of(typed), List.of(number), 0L, 0).stream().map(ContactHit::id).toList();
    }
}
