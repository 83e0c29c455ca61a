package nl.regioamersfoort.samenwerken.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import nl.regioamersfoort.samenwerken.DemoApplicationTest;
import nl.regioamersfoort.samenwerken.Http;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every door needs a login, and one login opens the webapps and the REST API as the same person. */
@DemoApplicationTest
class LoginOverHttpTest {

    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identityService;

    /** A person of our own for failed logins, so the engine's lock-out never touches the demo people. */
    @BeforeEach
    void createPersonWhoMistypes() {
        if (identityService.createUserQuery().userId("test.typfout").count() == 0) {
            User user = identityService.newUser("test.typfout");
            user.setPassword("juist-wachtwoord");
            user.setEmail("test.typfout@example.org");
            identityService.saveUser(user);
            identityService.createMembership("test.typfout", "beleidsambtenaar-eemnes");
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
        Http browser = Http.browser(port);
        HttpResponse<String> login = browser.login("test.typfout", "geraden");
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        assertThat(browser.get("/login?error", "text/html").body()).contains("Onjuiste gebruikersnaam of wachtwoord");
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
    void healthIsOpenButShowsNoDetailsAndTheRestOfActuatorIsClosed() {
        HttpResponse<String> health = Http.anonymous(port).get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(Http.anonymous(port).get("/actuator/info").statusCode()).isEqualTo(401);
        assertThat(Http.basic(port, "beheer", "demo").get("/actuator/health").body()).contains("components");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
