package nl.regioamersfoort.samenwerken.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import nl.regioamersfoort.samenwerken.DemoApplicationTest;
import nl.regioamersfoort.samenwerken.Http;
import nl.regioamersfoort.samenwerken.platform.time.EngineClock;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Failed logins slow an account (and an address) down for a while and then forget themselves: an
 * outsider cannot lock anybody out until an administrator acts, and cannot tell from the answers
 * whether an account exists. Time moves with the engine clock, never by waiting.
 *
 * <p>Every failure here happens on the evening of 2 March 2025 (engine clock) and from addresses
 * of the documentation ranges, so that after {@link ClockUtil#reset()} nothing of it slows down
 * the other tests, which log in from 127.0.0.1 today.
 */
@DemoApplicationTest
class LoginThrottlingTest {

    static final String REFUSED = "De gebruikersnaam of het wachtwoord is onjuist, of er is te vaak geprobeerd in te loggen. "
            + "Probeer het over enkele minuten opnieuw.";
    private static final Instant EVENING_BEFORE_DEADLINE = Instant.parse("2025-03-02T19:00:00Z");
    /** Each failing caller gets addresses of its own, so that only the limit a test is about comes into play. */
    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1);

    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identityService;

    private Instant now;

    @BeforeEach
    void eveningBeforeADeadline() {
        travelTo(EVENING_BEFORE_DEADLINE);
    }

    @AfterEach
    void backToToday() {
        ClockUtil.reset();
    }

    @Test
    void repeatedFailuresSlowTheAccountDownForAtMostFiveMinutesAndNeverNeedAnAdministrator() throws Exception {
        createPerson("test.wethouder", "juist-wachtwoord");

        // Four typing errors cost nothing: the fifth attempt with the right password works.
        for (int failure = 1; failure <= 4; failure++) {
            assertRefused(wrongPassword("test.wethouder").get("/api/gemeenten"));
        }
        assertThat(rightPassword("test.wethouder").get("/api/gemeenten").statusCode()).isEqualTo(200);

        // The fifth failure slows the account for a minute: the right password is refused meanwhile, at every door.
        assertRefused(wrongPassword("test.wethouder").get("/api/gemeenten"));
        assertRefused(rightPassword("test.wethouder").get("/api/gemeenten"));
        assertRefused(rightPassword("test.wethouder").get("/engine-rest/task"));
        assertThat(Http.browser(port).from(newAddress()).login("test.wethouder", "juist-wachtwoord").headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login?error"));
        travel(Duration.ofSeconds(59));
        assertRefused(rightPassword("test.wethouder").get("/api/gemeenten"));
        travel(Duration.ofSeconds(2));
        assertThat(rightPassword("test.wethouder").get("/api/gemeenten").statusCode()).isEqualTo(200);

        // Each further failure doubles the wait (2, 4 minutes), up to five minutes, however many failures follow.
        assertSlowedFor("test.wethouder", Duration.ofMinutes(2));
        assertSlowedFor("test.wethouder", Duration.ofMinutes(4));
        for (int failure = 8; failure <= 40; failure++) {
            assertSlowedFor("test.wethouder", Duration.ofMinutes(5));
        }

        // After an hour without failures the account starts afresh: four typing errors cost nothing again.
        travel(Duration.ofMinutes(61));
        for (int failure = 1; failure <= 4; failure++) {
            assertRefused(wrongPassword("test.wethouder").get("/api/gemeenten"));
        }
        assertThat(rightPassword("test.wethouder").get("/api/gemeenten").statusCode()).isEqualTo(200);
        // Nor does the engine keep a lock of its own that Admin would show or an administrator would have to lift.
        UserEntity account = (UserEntity) identityService.createUserQuery().userId("test.wethouder").singleResult();
        assertThat(account.getAttempts()).isZero();
        assertThat(account.getLockExpirationTime()).isNull();
    }

    @Test
    void aFailureWhileTheClockIsAheadLocksNobodyOnceTheClockIsSetBack() throws Exception {
        // The demo clock moves the engine's time ahead, and back again.
        createPerson("test.demotijd", "juist-wachtwoord");
        travel(Duration.ofDays(30));
        for (int failure = 1; failure <= 4; failure++) {
            assertRefused(wrongPassword("test.demotijd").get("/api/gemeenten"));
        }
        travelTo(EVENING_BEFORE_DEADLINE);
        assertThat(rightPassword("test.demotijd").get("/api/gemeenten").statusCode()).isEqualTo(200);
        // A fifth failure slows the account for one minute from now, not from thirty days ahead.
        assertRefused(wrongPassword("test.demotijd").get("/api/gemeenten"));
        travel(Duration.ofSeconds(61));
        assertThat(rightPassword("test.demotijd").get("/api/gemeenten").statusCode()).isEqualTo(200);
    }

    /** One more failure once the last wait is over: refused for exactly {@code wait}, then the right password works. */
    private void assertSlowedFor(String account, Duration wait) throws Exception {
        assertRefused(wrongPassword(account).get("/api/gemeenten"));
        travel(wait.minusSeconds(1));
        assertRefused(rightPassword(account).get("/api/gemeenten"));
        travel(Duration.ofSeconds(2));
        assertThat(rightPassword(account).get("/api/gemeenten").statusCode()).as("after %s", wait).isEqualTo(200);
    }

    @Test
    void anUnknownAccountASlowedAccountAndAWrongPasswordGetTheSameAnswerToTheByte() throws Exception {
        createPerson("test.bestaat", "juist-wachtwoord");
        for (int failure = 1; failure <= 5; failure++) {
            wrongPassword("test.bestaat").get("/api/gemeenten");
        }
        Http slowed = rightPassword("test.bestaat");
        Http unknown = Http.basic(port, "test.bestaat.niet", "juist-wachtwoord").from(newAddress());
        Http wrong = Http.basic(port, "wethouder.baarn", "geraden").from(newAddress());

        for (String path : List.of("/api/gemeenten", "/engine-rest/task")) {
            HttpResponse<String> slowedAnswer = slowed.get(path);
            assertRefused(slowedAnswer);
            for (HttpResponse<String> other : List.of(unknown.get(path), wrong.get(path))) {
                assertThat(other.statusCode()).as(path).isEqualTo(slowedAnswer.statusCode());
                assertThat(other.body()).as(path).isEqualTo(slowedAnswer.body());
                assertThat(other.headers().allValues("WWW-Authenticate")).as(path).isEqualTo(slowedAnswer.headers().allValues("WWW-Authenticate"));
            }
        }

        // The login page: the same redirect and, apart from the form's CSRF token, the same page.
        List<String> pages = new java.util.ArrayList<>();
        for (String[] login : List.of(new String[] {"test.bestaat", "juist-wachtwoord"}, new String[] {"test.bestaat.niet", "juist-wachtwoord"},
                new String[] {"wethouder.baarn", "geraden"})) {
            Http browser = Http.browser(port).from(newAddress());
            HttpResponse<String> answer = browser.login(login[0], login[1]);
            assertThat(answer.statusCode()).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login?error"));
            String page = browser.get("/login?error", "text/html").body();
            assertThat(page).contains(REFUSED);
            pages.add(page.replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "name=\"_csrf\""));
        }
        assertThat(pages).containsOnly(pages.get(0));
        // The old "account locked" page is gone: it told an outsider that the account existed.
        assertThat(Http.browser(port).get("/login?geblokkeerd", "text/html").body()).doesNotContain("geblokkeerd", "beheerder");
    }

    @Test
    void manyFailuresFromOneAddressSlowThatAddressForEveryAccount() throws Exception {
        String attacker = newAddress();
        for (int failure = 1; failure <= 29; failure++) {
            assertRefused(Http.basic(port, "geraden.account." + failure, "geraden").from(attacker).get("/api/gemeenten"));
        }
        assertThat(Http.basic(port, "adviseur", "demo").from(attacker).get("/api/gemeenten").statusCode()).isEqualTo(200);

        // The thirtieth failure from that address slows it down for a minute, for every account.
        assertRefused(Http.basic(port, "geraden.account.30", "geraden").from(attacker).get("/api/gemeenten"));
        assertRefused(Http.basic(port, "adviseur", "demo").from(attacker).get("/api/gemeenten"));
        assertThat(Http.browser(port).from(attacker).login("projectleider", "demo").headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login?error"));
        // Other addresses, and the accounts themselves, are not slowed down.
        assertThat(Http.basic(port, "adviseur", "demo").from(newAddress()).get("/api/gemeenten").statusCode()).isEqualTo(200);

        travel(Duration.ofSeconds(61));
        assertThat(Http.basic(port, "adviseur", "demo").from(attacker).get("/api/gemeenten").statusCode()).isEqualTo(200);
    }

    @Test
    void oneIpv6NetworkCountsAsOneAddress() throws Exception {
        // Whoever has one IPv6 address has the whole /64 network around it (2001:db8::/32 is for documentation).
        for (int failure = 1; failure <= 30; failure++) {
            assertRefused(Http.basic(port, "ipv6.geraden." + failure, "geraden").from("2001:db8:0:7::" + Integer.toHexString(failure))
                    .get("/api/gemeenten"));
        }
        assertRefused(Http.basic(port, "adviseur", "demo").from("2001:db8:0:7:ffff::1").get("/api/gemeenten"));
        assertThat(Http.basic(port, "adviseur", "demo").from("2001:db8:0:8::1").get("/api/gemeenten").statusCode()).isEqualTo(200);
    }

    @Test
    void beheerSeesWhichAccountsAndAddressesAreSlowedAndUntilWhen() throws Exception {
        createPerson("test.doelwit", "juist-wachtwoord");
        for (int failure = 1; failure <= 5; failure++) {
            wrongPassword("test.doelwit").get("/api/gemeenten");
            Http.basic(port, "test.verzonnen", "geraden").from(newAddress()).get("/api/gemeenten");
        }
        String attacker = newAddress();
        for (int failure = 1; failure <= 30; failure++) {
            Http.basic(port, "geprobeerd." + failure, "geraden").from(attacker).get("/api/gemeenten");
        }
        String oneMinuteLater = LocalDateTime.ofInstant(now.plusSeconds(60), EngineClock.ZONE).toString();

        HttpResponse<String> overview = Http.basic(port, "beheer", "demo").get("/api/beheer/aanmeldingen");
        assertThat(overview.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(overview.body());
        assertThat(body.get("accounts")).anySatisfy(account -> {
            assertThat(account.get("gebruikersnaam").asText()).isEqualTo("test.doelwit");
            assertThat(account.get("bestaat").asBoolean()).isTrue();
            assertThat(account.get("mislukt").asInt()).isEqualTo(5);
            assertThat(account.get("vertraagdTot").asText()).startsWith(oneMinuteLater);
        });
        assertThat(body.get("accounts")).anySatisfy(account -> {
            assertThat(account.get("gebruikersnaam").asText()).isEqualTo("test.verzonnen");
            assertThat(account.get("bestaat").asBoolean()).isFalse();
        });
        assertThat(body.get("adressen")).anySatisfy(address -> {
            assertThat(address.get("adres").asText()).isEqualTo(attacker);
            assertThat(address.get("mislukt").asInt()).isEqualTo(30);
            assertThat(address.get("vertraagdTot").asText()).startsWith(oneMinuteLater);
        });
        assertThat(overview.body()).doesNotContain("geprobeerd.1\"", "geraden");
        // The same in the browser, for beheer only, in Dutch words.
        Http beheer = Http.browser(port);
        beheer.login("beheer", "demo");
        HttpResponse<String> page = beheer.get("/dashboard/aanmeldingen", "text/html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Vertraagde aanmeldingen", "test.doelwit", "test.verzonnen (onbekend account)", attacker, ">30<")
                .doesNotContain("geraden");
        Http projectleider = Http.browser(port);
        projectleider.login("projectleider", "demo");
        assertThat(projectleider.get("/dashboard/aanmeldingen", "text/html").statusCode()).isEqualTo(403);

        // Once the wait is over, the list is empty of them again.
        travel(Duration.ofSeconds(61));
        assertThat(Http.basic(port, "beheer", "demo").get("/api/beheer/aanmeldingen").body()).doesNotContain("test.doelwit", attacker);

        for (String other : List.of("projectleider", "adviseur", "wethouder.baarn")) {
            HttpResponse<String> refused = Http.basic(port, other, "demo").get("/api/beheer/aanmeldingen");
            assertThat(refused.statusCode()).as(other).isEqualTo(403);
            assertThat(refused.body()).as(other).doesNotContain("test.doelwit");
        }
        assertThat(Http.anonymous(port).get("/api/beheer/aanmeldingen").statusCode()).isEqualTo(401);
    }

    @Test
    void passwordsAreCheckedOnlyThroughTheThrottledLogin() {
        // Camunda's own doors for checking a password would let a logged-in person guess a colleague's password unthrottled.
        Http person = Http.basic(port, "ambtenaar.baarn", "demo");
        HttpResponse<String> verify = person.post("/engine-rest/identity/verify", "application/json",
                "{\"username\": \"wethouder.baarn\", \"password\": \"demo\"}");
        assertThat(verify.statusCode()).isEqualTo(403);
        assertThat(verify.body()).doesNotContain("authenticated");

        Http browser = Http.browser(port);
        browser.login("ambtenaar.baarn", "demo");
        String csrf = browser.get("/camunda/app/tasklist/default/", "text/html").headers().firstValue("X-XSRF-TOKEN").orElseThrow();
        HttpResponse<String> webappLogin = browser.send(browser.request("/camunda/api/admin/auth/user/default/login/tasklist", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=wethouder.baarn&password=demo")));
        assertThat(webappLogin.statusCode()).isEqualTo(403);
        assertThat(browser.get("/camunda/api/admin/auth/user/default").body()).contains("ambtenaar.baarn").doesNotContain("wethouder.baarn");
    }

    private Http wrongPassword(String account) {
        return Http.basic(port, account, "geraden").from(newAddress());
    }

    private Http rightPassword(String account) {
        return Http.basic(port, account, "juist-wachtwoord").from(newAddress());
    }

    private void assertRefused(HttpResponse<String> answer) throws Exception {
        assertThat(answer.statusCode()).isEqualTo(401);
        JsonNode body = json.readTree(answer.body());
        assertThat(body.has("melding") ? body.get("melding").asText() : body.get("message").asText()).isEqualTo(REFUSED);
    }

    /** 198.51.100.0/24 and 203.0.113.0/24 are for documentation: no real caller has them. */
    private static String newAddress() {
        int n = NEXT_ADDRESS.getAndIncrement();
        return (n < 250 ? "198.51.100." : "203.0.113.") + (n % 250 + 1);
    }

    private void travel(Duration duration) {
        travelTo(now.plus(duration));
    }

    private void travelTo(Instant moment) {
        now = moment;
        ClockUtil.setCurrentTime(Date.from(moment));
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
}
