package nl.regioamersfoort.samenwerken.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import nl.regioamersfoort.samenwerken.DemoApplicationTest;
import nl.regioamersfoort.samenwerken.Http;
import nl.regioamersfoort.samenwerken.programma.NewProgramme;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import org.apache.catalina.Context;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every door needs a login, and one login opens the webapps and the REST API as the same person;
 * sessions expire, headers and CSRF protection hold. Failed logins and their slow-down: LoginThrottlingTest.
 */
@DemoApplicationTest
class LoginOverHttpTest {

    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identityService;

    @Autowired
    ProcessEngine engine;

    @Autowired
    Programmes programmes;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ServletWebServerApplicationContext webServer;

    /** A person of our own for failed logins, so that no slow-down touches the demo people. */
    @BeforeEach
    void createPersonWhoMistypes() {
        createPerson("test.typfout", "juist-wachtwoord");
    }

    private void createPerson(String id, String password) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setPassword(password);
            user.setEmail(id + "@example.org");
            identityService.saveUser(user);
            identityService.createMembership(id, "beleidsambtenaar-eemnes");
        }
    }

    @Test
    void anonymousRestCallsAreRefusedWithoutData() {
        Http anonymous = Http.anonymous(port);
        for (String path : List.of("/engine-rest/task", "/engine-rest/process-definition", "/engine-rest/user",
                "/engine-rest/engine", "/api/gemeenten", "/camunda/api/engine/engine/default/task")) {
            HttpResponse<String> response = anonymous.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.body()).as(path).doesNotContain("baarn", "\"id\"");
        }
        assertThat(anonymous.get("/engine-rest/task").headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Basic"));
    }

    @Test
    void aDemoUserCallsTheEngineRestApiWithBasicAuthentication() {
        assertThat(Http.basic(port, "wethouder.baarn", "demo").get("/engine-rest/task").statusCode()).isEqualTo(200);
        assertThat(Http.basic(port, "test.typfout", "fout").get("/engine-rest/task").statusCode()).isEqualTo(401);
        assertThat(Http.basic(port, "nobody", "demo").get("/engine-rest/task").statusCode()).isEqualTo(401);
    }

    @Test
    void theEngineChecksAuthorizationsForTheLoggedInPersonAndTheirGroups() throws Exception {
        // Access to the webapps is granted to groups, so a yes here proves the engine knows the caller's groups.
        Http wethouder = Http.basic(port, "wethouder.soest", "demo");
        assertThat(applicationAccess(wethouder, "tasklist")).isTrue();
        assertThat(applicationAccess(wethouder, "cockpit")).isFalse();
        assertThat(applicationAccess(Http.basic(port, "projectleider", "demo"), "cockpit")).isTrue();
        // The REST API's own user administration is closed to a wethouder.
        assertThat(wethouder.post("/engine-rest/user/create", "application/json",
                "{\"profile\":{\"id\":\"indringer\"},\"credentials\":{\"password\":\"indringer\"}}").statusCode()).isEqualTo(403);
    }

    private boolean applicationAccess(Http caller, String application) throws Exception {
        HttpResponse<String> check = caller.get("/engine-rest/authorization/check?permissionName=ACCESS&resourceName=Application&resourceType=0&resourceId=" + application);
        assertThat(check.statusCode()).isEqualTo(200);
        return json.readTree(check.body()).get("authorized").asBoolean();
    }

    @Test
    void browsersAreSentToTheDutchLoginPage() {
        Http browser = Http.browser(port);
        for (String page : List.of("/", "/camunda/app/tasklist/", "/camunda/app/cockpit/default/")) {
            HttpResponse<String> response = browser.get(page, "text/html");
            assertThat(response.statusCode()).as(page).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).as(page).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        }
        HttpResponse<String> login = browser.get("/login", "text/html");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("lang=\"nl\"", "Gebruikersnaam", "Wachtwoord", "Inloggen");
    }

    @Test
    void oneLoginOpensTasklistForAWethouderButNotCockpit() throws Exception {
        Http browser = Http.browser(port);
        HttpResponse<String> login = browser.login("wethouder.baarn", "demo");
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/camunda/app/tasklist/"));
        assertThat(browser.get("/", "text/html").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/camunda/app/tasklist/"));
        // The webapps send a person whose session ended to the shared login page, not to their own form.
        assertThat(browser.get("/camunda/app/tasklist/scripts/config.js", "*/*").body()).contains("../samenwerken/login-page");
        assertThat(browser.get("/camunda/app/samenwerken/login-page.js", "*/*").body()).contains("/login?afgemeld");

        assertThat(browser.get("/camunda/app/tasklist/default/", "text/html").statusCode()).isEqualTo(200);
        JsonNode webappUser = json.readTree(browser.get("/camunda/api/admin/auth/user/default").body());
        assertThat(webappUser.get("userId").asText()).isEqualTo("wethouder.baarn");
        assertThat(texts(webappUser.get("authorizedApps"))).contains("tasklist").doesNotContain("cockpit", "admin");

        assertThat(browser.get("/camunda/app/cockpit/default/", "text/html").statusCode()).isEqualTo(403);
        assertThat(browser.get("/camunda/api/engine/engine/default/filter?resourceType=Task").body()).contains("Alle taken");
    }

    @Test
    void theProjectleiderFollowsCasesInCockpitAndBeheerAdministers() throws Exception {
        Http projectleider = Http.browser(port);
        projectleider.login("projectleider", "demo");
        projectleider.get("/camunda/app/cockpit/default/", "text/html");
        assertThat(texts(json.readTree(projectleider.get("/camunda/api/admin/auth/user/default").body()).get("authorizedApps")))
                .contains("tasklist", "cockpit").doesNotContain("admin");

        Http beheer = Http.browser(port);
        beheer.login("beheer", "demo");
        beheer.get("/camunda/app/admin/default/", "text/html");
        assertThat(texts(json.readTree(beheer.get("/camunda/api/admin/auth/user/default").body()).get("authorizedApps")))
                .contains("tasklist", "cockpit", "admin");
    }

    @Test
    void aWrongPasswordShowsTheLoginPageAgainWithADutchMessage() {
        createPerson("test.tikfout", "juist-wachtwoord");
        Http browser = Http.browser(port);
        HttpResponse<String> login = browser.login("test.tikfout", "geraden");
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        assertThat(browser.get("/login?error", "text/html").body()).contains(LoginThrottlingTest.REFUSED);
        assertThat(browser.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(401);
    }

    @Test
    void loggingOutEndsTheSession() {
        Http browser = Http.browser(port);
        browser.login("adviseur", "demo");
        // Opening a webapp logs the person into it; its logout button posts with the webapps' CSRF header.
        String csrf = browser.get("/camunda/app/tasklist/default/", "text/html").headers().firstValue("X-XSRF-TOKEN").orElseThrow();
        assertThat(browser.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(200);

        HttpResponse<String> logout = browser.send(browser.request("/camunda/api/admin/auth/user/default/logout", "application/json")
                .header("X-XSRF-TOKEN", csrf)
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertThat(logout.statusCode()).isEqualTo(200);
        assertThat(browser.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(401);
    }

    @Test
    void browserSessionsExpireAfterThirtyMinutesAndTheirCookieStaysOutOfScriptsAndOtherSites() {
        HttpResponse<String> login = Http.browser(port).login("adviseur", "demo");
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly", "SameSite=Lax");
        Context tomcatContext = (Context) ((TomcatWebServer) webServer.getWebServer()).getTomcat().getHost().findChildren()[0];
        assertThat(tomcatContext.getSessionTimeout()).as("minutes").isEqualTo(30);
        // The API keeps no session at all.
        assertThat(Http.basic(port, "adviseur", "demo").get("/api/gemeenten").headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void securityHeadersOnOurPagesTheWebappsAndTheApis() throws Exception {
        HttpResponse<String> loginPage = Http.browser(port).get("/login", "text/html");
        assertThat(loginPage.headers().allValues("Content-Security-Policy")).containsExactly(SecurityConfiguration.OWN_PAGES_POLICY);
        assertCommonHeaders(loginPage, "/login");

        Http browser = Http.browser(port);
        browser.login("projectleider", "demo");
        HttpResponse<String> tasklist = browser.get("/camunda/app/tasklist/default/", "text/html");
        assertThat(tasklist.statusCode()).isEqualTo(200);
        // Exactly the webapps' own policy, with the nonce their page needs; ours would contradict it.
        assertThat(tasklist.headers().allValues("Content-Security-Policy")).singleElement()
                .satisfies(policy -> assertThat(policy).contains("'nonce-", "frame-ancestors 'none'", "object-src 'none'"));
        assertThat(tasklist.headers().allValues("X-XSS-Protection")).containsExactly("0");
        assertCommonHeaders(tasklist, "Tasklist");
        HttpResponse<String> webappApi = browser.get("/camunda/api/admin/auth/user/default");
        assertThat(webappApi.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        for (String path : List.of("/api/gemeenten", "/engine-rest/task")) {
            HttpResponse<String> api = Http.basic(port, "projectleider", "demo").get(path);
            assertThat(api.statusCode()).as(path).isEqualTo(200);
            assertThat(api.headers().allValues("Content-Security-Policy")).as(path).containsExactly(SecurityConfiguration.API_POLICY);
            assertCommonHeaders(api, path);
        }
    }

    private static void assertCommonHeaders(HttpResponse<String> response, String what) {
        assertThat(response.headers().allValues("X-Content-Type-Options")).as(what).containsExactly("nosniff");
        assertThat(response.headers().allValues("X-Frame-Options")).as(what).containsExactly("DENY");
        assertThat(response.headers().allValues("Referrer-Policy")).as(what).containsExactly("same-origin");
    }

    @Test
    void theWebappsRefuseAStateChangingCallWithoutTheirCsrfToken() throws Exception {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2030-01-07T09:00:00Z")));
        try {
            programmes.start(new NewProgramme("Inclusie en diversiteit 2030-2031", LocalDate.of(2030, 1, 1), LocalDate.of(2031, 12, 31),
                    List.of("leusden", "amersfoort"), null, null, null, null, null, null), "projectleider");
        } finally {
            ClockUtil.reset();
        }
        Task inventory = engine.getTaskService().createTaskQuery().processInstanceBusinessKey("inclusie-2030-2031-leusden").singleResult();
        String claim = "/camunda/api/engine/engine/default/task/" + inventory.getId() + "/claim";

        Http forged = Http.browser(port);
        forged.login("ambtenaar.leusden", "demo");
        forged.get("/camunda/app/tasklist/default/", "text/html");
        HttpResponse<String> withoutToken = forged.send(forged.request(claim, "application/json")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"userId\": \"ambtenaar.leusden\"}")));
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(withoutToken.headers().firstValue("X-XSRF-TOKEN")).hasValue("Required");
        assertThat(engine.getTaskService().createTaskQuery().taskId(inventory.getId()).singleResult().getAssignee()).isNull();
        // The webapps end a session that sent a state-changing call without its token.
        assertThat(forged.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(401);

        Http person = Http.browser(port);
        person.login("ambtenaar.leusden", "demo");
        String token = person.get("/camunda/app/tasklist/default/", "text/html").headers().firstValue("X-XSRF-TOKEN").orElseThrow();
        HttpResponse<String> wrongToken = person.send(person.request("/camunda/api/admin/auth/user/default/logout", "application/json")
                .header("X-XSRF-TOKEN", "NIET-" + token)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(wrongToken.statusCode()).as("logout with a wrong token").isEqualTo(403);

        Http again = Http.browser(port);
        again.login("ambtenaar.leusden", "demo");
        String valid = again.get("/camunda/app/tasklist/default/", "text/html").headers().firstValue("X-XSRF-TOKEN").orElseThrow();
        HttpResponse<String> withToken = again.send(again.request(claim, "application/json")
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", valid)
                .POST(HttpRequest.BodyPublishers.ofString("{\"userId\": \"ambtenaar.leusden\"}")));
        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(204);
        assertThat(engine.getTaskService().createTaskQuery().taskId(inventory.getId()).singleResult().getAssignee())
                .isEqualTo("ambtenaar.leusden");
    }

    @Test
    void passwordsAreStoredSaltedAndHashedNeverAsTyped() {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select ID_, PWD_, SALT_ from ACT_ID_USER where ID_ in ('ambtenaar.leusden', 'ambtenaar.baarn')");
        assertThat(rows).hasSize(2);
        for (Map<String, Object> row : rows) {
            String stored = (String) row.get("PWD_");
            assertThat(stored).as("%s", row.get("ID_")).doesNotContain("demo").startsWith("{SHA-512}").hasSizeGreaterThan(40);
            assertThat((String) row.get("SALT_")).as("%s", row.get("ID_")).isNotBlank();
        }
        // The same password "demo" gives two different hashes: each person has their own salt.
        assertThat(rows.get(0).get("PWD_")).isNotEqualTo(rows.get(1).get("PWD_"));
    }

    @Test
    void healthIsOpenButShowsNoDetailsAndTheRestOfActuatorIsClosed() {
        HttpResponse<String> health = Http.anonymous(port).get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).startsWith("{\"status\":\"UP\"").doesNotContain("components", "details");
        assertThat(Http.anonymous(port).get("/actuator/info").statusCode()).isEqualTo(401);
        assertThat(Http.basic(port, "beheer", "demo").get("/actuator/health").body()).contains("components");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
