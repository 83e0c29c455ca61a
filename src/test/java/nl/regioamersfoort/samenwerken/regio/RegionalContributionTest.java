package nl.regioamersfoort.samenwerken.regio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import nl.regioamersfoort.samenwerken.DemoApplicationTest;
import nl.regioamersfoort.samenwerken.Http;
import nl.regioamersfoort.samenwerken.ProcessDriver;
import nl.regioamersfoort.samenwerken.besluit.Consent;
import nl.regioamersfoort.samenwerken.besluit.Decisions;
import nl.regioamersfoort.samenwerken.platform.time.WorkingDays;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Amersfoort takes part regionally ("o.a. delen successen, teleurstellingen en ervaringen", seed
 * 000 fn 1) and every participating municipality contributes to the regional register: each item
 * only with its own wethouder's consent, and then on the stuurgroep's agenda.
 */
@DemoApplicationTest
class RegionalContributionTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    Programmes programmes;
    @Autowired
    Decisions decisions;
    @LocalServerPort
    int port;

    final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void amersfoortsSuccessReachesTheAgendaAfterItsWethouderConsentedAndNothingElseDoes() throws Exception {
        ProcessDriver driver = new ProcessDriver(engine);
        String programme = ProcessDriver.startProgramme(programmes, 2059, null, "amersfoort", "baarn");
        String region = programme + "-regio";
        driver.shareRegionalDocuments(region);

        // Amersfoort's beleidsambtenaar finds the start form in Tasklist and shares a success and a disappointment.
        Http amersfoort = Http.basic(port, "ambtenaar.amersfoort", "demo");
        assertThat(amersfoort.get("/engine-rest/process-definition?startablePermissionCheck=true&startableInTasklist=true&latestVersion=true")
                .body()).contains("\"key\":\"regionale-inbreng\"");
        // The form asks neither municipality nor programme: the case is the starter's own, in the programme running with it.
        assertThat(contribute(amersfoort, null, "succes", "Regenboogweek in de bibliotheek: 300 bezoekers", "").statusCode())
                .isEqualTo(200);
        assertThat(contribute(amersfoort, programme, "teleurstelling", "Weinig animo bij de sportclubs", "").statusCode())
                .isEqualTo(200);

        // Nobody shares for another municipality, or without the right to start, or for a programme that does not exist.
        Http baarn = Http.basic(port, "ambtenaar.baarn", "demo");
        HttpResponse<String> naming = contribute(baarn, programme, "succes", "Namens", ", \"gemeente\": {\"value\": \"amersfoort\"}");
        assertThat(naming.statusCode()).isEqualTo(400);
        assertThat(json.readTree(naming.body()).get("message").asText()).contains("kent het veld 'gemeente' niet");
        HttpResponse<String> underItsKey = baarn.post("/engine-rest/process-definition/key/regionale-inbreng/submit-form", "application/json",
                "{\"businessKey\": \"" + programme + "-amersfoort\", \"variables\": {\"soort\": {\"value\": \"succes\"},"
                        + " \"tekst\": {\"value\": \"Namens\"}}}");
        assertThat(underItsKey.statusCode()).isEqualTo(400);
        assertThat(json.readTree(underItsKey.body()).get("message").asText()).contains("hoort bij programma " + programme + " en gemeente baarn");
        HttpResponse<String> noOfficer = contribute(Http.basic(port, "projectleider", "demo"), programme, "succes", "Zelf", "");
        assertThat(noOfficer.statusCode()).isEqualTo(403);
        assertThat(contribute(Http.basic(port, "wethouder.amersfoort", "demo"), programme, "succes", "Zelf", "").statusCode())
                .isEqualTo(403);
        HttpResponse<String> unknown = contribute(amersfoort, "inclusie-1999-2000", "succes", "Oud", "");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("regionale-inbreng").count()).isEqualTo(2);

        // Its own wethouder decides: the success may be shared, the disappointment not yet.
        String amersfoortCase = programme + "-amersfoort";
        List<Task> prepare = driver.tasks(amersfoortCase, "besluit-voorbereiden");
        assertThat(prepare).extracting(Task::getName).containsExactlyInAnyOrder("Voorbereiden: Succes van Amersfoort regionaal delen",
                "Voorbereiden: Teleurstelling van Amersfoort regionaal delen");
        for (Task task : prepare) {
            assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
                    .containsExactly("beleidsambtenaar-amersfoort");
            driver.complete(task, "ambtenaar.amersfoort", "voorstel", engine.getTaskService().getVariable(task.getId(), "voorstel"));
        }
        for (Task decide : driver.tasks(amersfoortCase, "besluit-nemen")) {
            boolean success = decide.getName().contains("Succes");
            driver.complete(decide, "wethouder.amersfoort", "uitkomst", success ? "akkoord" : "afwijzen", "motivering", "Besproken");
        }
        assertThat(decisions.consents(programme)).extracting(Consent::getMunicipalityCode, Consent::getSharedText)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("amersfoort", "Succes: Regenboogweek in de bibliotheek: 300 bezoekers"));

        // At the paper deadline the consented success is on the stuurgroep's agenda, the disappointment is not.
        LocalDate steering = WorkingDays.minusWorkingDays(LocalDate.of(2059, 9, 30), 10);
        driver.travelTo(steering + "T10:00:00");
        Object agenda = engine.getTaskService().getVariableLocal(driver.task(region, "voortgang-voorbereiden").getId(), "agenda");
        assertThat(agenda.toString()).contains("Amersfoort: Succes: Regenboogweek in de bibliotheek").doesNotContain("animo");
    }

    /** Tasklist's start form "Inbreng voor de regio"; the programme left out when null, {@code extra} appended as is. */
    private static HttpResponse<String> contribute(Http as, String programme, String kind, String text, String extra) {
        String programmeField = programme == null ? "" : "\"programmaId\": {\"value\": \"" + programme + "\"}, ";
        return as.post("/engine-rest/process-definition/key/regionale-inbreng/submit-form", "application/json",
                "{\"variables\": {" + programmeField + "\"soort\": {\"value\": \"" + kind + "\"}, \"tekst\": {\"value\": \""
                        + text + "\"}" + extra + "}}");
    }
}
