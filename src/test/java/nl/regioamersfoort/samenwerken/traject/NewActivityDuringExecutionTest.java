package nl.regioamersfoort.samenwerken.traject;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import nl.regioamersfoort.samenwerken.DemoApplicationTest;
import nl.regioamersfoort.samenwerken.Http;
import nl.regioamersfoort.samenwerken.ProcessDriver;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The plan is not frozen for eighteen months: during execution a beleidsambtenaar proposes a new
 * activity or conversation, which like every activity first gets the wethouder's decision;
 * and an approved activity can end as "niet doorgegaan", with the reason.
 */
@DemoApplicationTest
class NewActivityDuringExecutionTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    Programmes programmes;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aBeleidsambtenaarProposesANewActivityInMonthNineAndTheWethouderDecidesFirst() throws Exception {
        ProcessDriver driver = new ProcessDriver(engine);
        String programme = ProcessDriver.startProgramme(programmes, 2057, null, "leusden");
        String track = programme + "-leusden";
        Http ambtenaar = Http.basic(port, "ambtenaar.leusden", "demo");
        String path = "/api/trajecten/" + track + "/activiteiten";

        driver.complete(track, "inventarisatie-opstellen", "ambtenaar.leusden", "watSpeeltLokaal", "Situatie", "mogelijkeVervolgstap", "Stap");
        driver.discuss(track, "leusden", "verder");
        driver.decideOn(track, "TOESTEMMING_INVENTARISATIE", "leusden", "akkoord");
        // Before execution a new activity belongs in the plan.
        HttpResponse<String> tooEarly = ambtenaar.post(path, "application/json", "{\"titel\": \"Buurtfeest\"}");
        assertThat(tooEarly.statusCode()).as(tooEarly.body()).isEqualTo(409);
        assertThat(json.readTree(tooEarly.body()).get("melding").asText()).contains("neem de activiteit op in het maatwerkplan");

        // the plan names the local partners per activity; the adoption fixes them.
        driver.complete(track, "maatwerkplan-opstellen", "ambtenaar.leusden", "planSamenvatting", "Plan", "activiteiten",
                "Voorlichting | GGD, openbare bibliotheek");
        driver.discuss(track, "leusden", "verder");
        Task adoption = driver.gateTask(track, "VASTSTELLING", "besluit-voorbereiden");
        assertThat(engine.getTaskService().getVariable(adoption.getId(), "voorstel").toString())
                .contains("Activiteiten: Voorlichting (partners: GGD, openbare bibliotheek)");
        driver.decideOn(track, "VASTSTELLING", "leusden", "akkoord");
        driver.decideOn(track, "TOESTEMMING_MAATWERKPLAN", "leusden", "akkoord");
        driver.decideOn(track, "ACTIVITEIT", "leusden", "akkoord");

        // Month nine: two proposals, one after the other, each with its own decision.
        driver.travelTo("2057-09-15T10:00:00");
        HttpResponse<String> mosque = ambtenaar.post(path, "application/json", "{\"titel\": \"Gesprek met de moskee\"}");
        assertThat(mosque.statusCode()).as(mosque.body()).isEqualTo(201);
        HttpResponse<String> party = ambtenaar.post(path, "application/json", "{\"titel\": \"Buurtfeest\"}");
        assertThat(party.statusCode()).as(party.body()).isEqualTo(201);
        assertThat(driver.tasks(track, "besluit-voorbereiden")).extracting(Task::getName)
                .containsExactlyInAnyOrder("Voorbereiden: Gesprek met de moskee", "Voorbereiden: Buurtfeest");
        // nothing to carry out before the wethouder decided.
        assertThat(driver.tasks(track, "nieuwe-activiteit-uitvoeren")).isEmpty();
        for (Task prepare : driver.tasks(track, "besluit-voorbereiden")) {
            driver.complete(prepare, "ambtenaar.leusden", "voorstel", "Graag");
        }
        for (Task decide : driver.tasks(track, "besluit-nemen")) {
            boolean isParty = engine.getTaskService().getVariable(decide.getId(), "onderwerp").equals("Buurtfeest");
            driver.complete(decide, "wethouder.leusden", "uitkomst", isParty ? "afwijzen" : "akkoord", "motivering", "Besproken");
        }
        Task conversation = driver.task(track, "nieuwe-activiteit-uitvoeren");
        assertThat(conversation.getName()).isEqualTo("Uitvoeren: Gesprek met de moskee");
        assertThat(engine.getTaskService().getIdentityLinksForTask(conversation.getId())).extracting(IdentityLink::getGroupId)
                .containsExactlyInAnyOrder("adviseur", "beleidsambtenaar-leusden");
        assertThat(status(track, "Buurtfeest")).isEqualTo("AFGEWEZEN");
        driver.complete(conversation, "adviseur", "resultaat", "Goed gesprek; vervolg in het voorjaar");
        assertThat(status(track, "Gesprek met de moskee")).isEqualTo("UITGEVOERD");

        // An approved activity that did not go ahead ends so, with its reason; its task names its partners.
        Task information = driver.task(track, "activiteit-uitvoeren");
        assertThat(engine.getTaskService().getVariableLocal(information.getId(), "activiteitPartners")).isEqualTo("GGD, openbare bibliotheek");
        driver.complete(information, "ambtenaar.leusden", "doorgegaan", "nee", "resultaat", "De school zegde af");
        assertThat(jdbc.queryForMap("select status, result, partners from local_activity where track_id = ? and title = 'Voorlichting'", track))
                .containsEntry("status", "NIET_DOORGEGAAN").containsEntry("result", "De school zegde af")
                .containsEntry("partners", "GGD, openbare bibliotheek");

        // Refused, and nothing is added: another role, another municipality, no title, a second time, an unknown track.
        int before = activities(track);
        for (String other : List.of("wethouder.leusden", "ambtenaar.baarn", "adviseur")) {
            assertThat(Http.basic(port, other, "demo").post(path, "application/json", "{\"titel\": \"Iets\"}").statusCode()).as(other)
                    .isEqualTo(403);
        }
        HttpResponse<String> empty = ambtenaar.post(path, "application/json", "{\"titel\": \"  \"}");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(json.readTree(empty.body()).get("melding").asText()).isEqualTo("Vul 'titel' in.");
        HttpResponse<String> twice = ambtenaar.post(path, "application/json", "{\"titel\": \"gesprek met de moskee\"}");
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(json.readTree(twice.body()).get("melding").asText()).contains("staat al in het plan");
        assertThat(ambtenaar.post("/api/trajecten/" + programme + "-bestaatniet/activiteiten", "application/json", "{\"titel\": \"Iets\"}")
                .statusCode()).isEqualTo(404);
        assertThat(activities(track)).isEqualTo(before);
    }

    private String status(String track, String title) {
        return jdbc.queryForObject("select status from local_activity where track_id = ? and title = ?", String.class, track, title);
    }

    private int activities(String track) {
        return jdbc.queryForObject("select count(*) from local_activity where track_id = ?", Integer.class, track);
    }
}
