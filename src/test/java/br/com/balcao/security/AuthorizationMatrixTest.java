package br.com.balcao.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import br.com.balcao.security.AccessFixtures.Role;
import br.com.balcao.security.AccessFixtures.World;
import br.com.balcao.security.AccessMatrix.Endpoint;
import br.com.balcao.security.AccessMatrix.Outcome;
import br.com.balcao.security.AccessProbe.Answer;
import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Controller;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * Every mapping of the application against every role: anonymous users go to the login page, each signed-in
 * role gets what {@link AccessMatrix} says (403 where the role or a permission is missing), and an object of
 * a number the user does not belong to is 404. A mapping the table does not list fails the build.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

    @Autowired
    MockMvc mvc;

    AccessProbe probe;
    AccessFixtures fixtures;

    @BeforeAll
    void cast(@Autowired ApplicationContext context, @Autowired JdbcTemplate jdbc,
              @Autowired TestData data, @Autowired TestClock clock, @Autowired AccountDetailsService accounts) {
        probe = AccessProbe.start(mvc, context, jdbc, data, clock, accounts);
        fixtures = probe.fixtures();
    }

    @Test
    void everyMappingOfTheApplicationIsInTheMatrix() {
        assertThat(probe.mappings())
                .as("mappings of the application (left) against the access matrix (right): list a new endpoint "
                        + "in AccessMatrix.TABLE with who may call it")
                .containsExactlyInAnyOrderElementsOf(AccessMatrix.TABLE.keySet());
    }

    @Test
    void staticFilesAreTheOnlyOtherUrlsAndArePublic(@Autowired ApplicationContext context) throws Exception {
        Set<String> fileUrls = context.getBeansOfType(SimpleUrlHandlerMapping.class).values().stream()
                .flatMap(mapping -> mapping.getHandlerMap().keySet().stream()).collect(Collectors.toSet());
        assertThat(fileUrls).containsExactlyInAnyOrderElementsOf(AccessMatrix.PUBLIC_FILES.keySet());

        for (String file : AccessMatrix.PUBLIC_FILES.values()) {
            assertThat(mvc.perform(get(file)).andReturn().getResponse().getStatus()).as(file).isEqualTo(200);
        }
    }

    /** A controller switched off in the tests (by a profile or a property) would escape the matrix otherwise. */
    @Test
    void everyControllerIsInTheTestsContextOrKnownToBeDemoOnly(@Autowired ApplicationContext context) {
        AnnotationTypeFilter controller = new AnnotationTypeFilter(Controller.class);
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(MetadataReader reader) throws IOException {
                return controller.match(reader, getMetadataReaderFactory()); // whatever its profile or conditions
            }
        };
        Set<String> controllers = scanner.findCandidateComponents("br.com.balcao").stream()
                .map(BeanDefinition::getBeanClassName).collect(Collectors.toSet());
        Set<String> mapped = AccessMatrix.mappings(context).values().stream().flatMap(Set::stream)
                .map(handler -> handler.getBeanType().getName()).collect(Collectors.toSet());

        assertThat(controllers).containsExactlyInAnyOrderElementsOf(
                Stream.concat(mapped.stream().filter(name -> name.startsWith("br.com.balcao.")),
                        AccessMatrix.DEMO_ONLY_CONTROLLERS.stream()).collect(Collectors.toSet()));
    }

    @Test
    void everyFilterOfTheApplicationThatAnswersRequestsIsInTheMatrix(@Autowired ApplicationContext context) {
        assertThat(AccessMatrix.applicationFilters(context))
                .containsExactlyInAnyOrderElementsOf(Set.copyOf(AccessMatrix.FILTER_ENDPOINTS.values()));
    }

    @TestFactory
    Stream<DynamicTest> eachMappingAnswersEachRoleAsTheMatrixSays() {
        return AccessMatrix.endpoints().stream().map(endpoint -> dynamicTest(endpoint.mapping(), () -> check(endpoint)));
    }

    /**
     * Another number's objects first, then the own number's refusals, since refusals must change nothing;
     * then the roles that pass, in the order that keeps the world usable (the serving agent may close the
     * ticket before a manager tries).
     */
    private void check(Endpoint endpoint) throws Exception {
        List<String> wrong = new ArrayList<>();
        if (endpoint.access().scoped()) {
            World other = fixtures.other();
            for (Role role : Role.values()) {
                expect(endpoint, role, other, true, wrong);
            }
        }
        World own = fixtures.own();
        List<Role> refusedFirst = Arrays.stream(Role.values())
                .sorted(Comparator.comparing(role -> endpoint.access().expected(role, false) == Outcome.PASSES))
                .toList();
        for (Role role : refusedFirst) {
            expect(endpoint, role, own, false, wrong);
        }
        assertThat(wrong).as(endpoint.mapping() + " (" + endpoint.access() + ")").isEmpty();
    }

    private void expect(Endpoint endpoint, Role role, World world, boolean otherNumber, List<String> wrong)
            throws Exception {
        Outcome expected = endpoint.access().expected(role, otherNumber);
        Answer answer = probe.call(endpoint, role, world);
        if (!answer.is(expected)) {
            wrong.add(role + (otherNumber ? " on another number's object" : "") + ": expected " + expected
                    + ", got " + answer.describe());
        }
    }
}
