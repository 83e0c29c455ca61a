package nl.regioamersfoort.samenwerken.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.regioamersfoort.samenwerken.Http;
import nl.regioamersfoort.samenwerken.PostgresTestDatabase;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The production shape: PostgreSQL, no demo profile, an administrator from configuration. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.admin-user.id=beheerder",
        "camunda.bpm.admin-user.password=Lang-en-Onraadbaar-2026",
        "camunda.bpm.admin-user.email=beheerder@example.org"})
@ActiveProfiles({"postgres", "test"})
class ProductionProfileOnPostgresTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identityService;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void runsOnPostgresWithTheDomainSchemaFromFlywayAndTheEngineSchemaFromCamunda() {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
        assertThat(jdbc.queryForObject("select count(*) from municipality", Integer.class)).isEqualTo(8);
        assertThat(jdbc.queryForObject("select count(*) from act_ge_property", Integer.class)).isPositive();
        assertThat(jdbc.queryForList("select version from flyway_schema_history where success", String.class)).contains("1");
    }

    @Test
    void noDemoPersonExistsOnlyTheConfiguredAdministrator() {
        List<String> users = identityService.createUserQuery().list().stream().map(User::getId).toList();
        assertThat(users).containsExactly("beheerder");
        for (DemoUsers.DemoUser demo : DemoUsers.USERS) {
            assertThat(identityService.createUserQuery().userId(demo.id()).count()).as(demo.id()).isZero();
        }
        assertThat(identityService.createGroupQuery().groupMember("beheerder").list())
                .extracting(g -> g.getId()).contains("camunda-admin", "beheer");
        // The groups are part of the system, not of the demo.
        assertThat(identityService.createGroupQuery().groupId("wethouder-nijkerk").count()).isOne();
        // Nor does the login page offer to log in as one.
        String login = Http.anonymous(port).get("/login").body();
        assertThat(login).contains("Gebruikersnaam").doesNotContain("Demo: inloggen als", "data-persoon");
    }

    @Test
    void theRestApiIsClosedAndOpensForTheAdministrator() {
        assertThat(Http.anonymous(port).get("/engine-rest/task").statusCode()).isEqualTo(401);
        assertThat(Http.basic(port, "wethouder.baarn", "demo").get("/engine-rest/task").statusCode()).isEqualTo(401);
        assertThat(Http.basic(port, "beheerder", "Lang-en-Onraadbaar-2026").get("/api/gemeenten").body()).contains("\"nijkerk\"");
        // The demo clock exists only in the demo run.
        assertThat(Http.basic(port, "beheerder", "Lang-en-Onraadbaar-2026").post("/api/demo/klok", "application/json",
                "{\"datum\": \"2022-04-20T09:00:00\"}").statusCode()).isEqualTo(404);
    }
}
