package nl.regioamersfoort.samenwerken.rapportage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.regioamersfoort.samenwerken.DemoApplicationTest;
import nl.regioamersfoort.samenwerken.Http;
import nl.regioamersfoort.samenwerken.ProcessDriver;
import nl.regioamersfoort.samenwerken.programma.NewProgramme;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A case file shows the cases of its own municipality only: an instance counts when its business
 * key is exactly the track's and its own {@code gemeente} is the track's municipality. A business
 * key alone proves nothing: instances started before keys were checked at their start keep the key
 * they were given. A case that would not belong to exactly one municipality does not even start.
 */
@DemoApplicationTest
class CaseFileKeysTest {

    @Autowired
    Programmes programmes;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ProcessEngine engine;
    @LocalServerPort
    int port;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    /** Baarn's beleidsambtenaar asks for activity money; the request's process instance id. */
    String askMoney(String programme, String activity) throws Exception {
        HttpResponse<String> asked = Http.basic(port, "ambtenaar.baarn", "demo").post("/api/programmas/" + programme + "/activiteitengeld",
                "application/json", "{\"gemeente\": \"baarn\", \"activiteit\": \"" + activity + "\", \"bedrag\": \"500\","
                        + " \"doelgroepen\": [\"LHBTI\"], \"zichtbaarheid\": \"Zichtbaar op het gemeentehuis\"}");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
        return new ObjectMapper().readTree(asked.body()).get("processInstanceId").asText();
    }

    /** What a start with a forged key left behind, before keys were checked at the start (Camunda 7 has no API to change a key). */
    void forgeBusinessKey(String processInstanceId, String businessKey) {
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired().execute(context -> {
            context.getExecutionManager().findExecutionById(processInstanceId).setProcessBusinessKey(businessKey);
            return null;
        });
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult().getBusinessKey())
                .isEqualTo(businessKey);
    }

    /** A wethouder gate of Soest in this programme, started as server code under the given business key. */
    String soestGate(String programme, String businessKey) {
        return runtimeService.startProcessInstanceByKey("wethouder-besluit", businessKey, Map.of("programmaId", programme,
                "gemeente", "soest", "onderwerpType", "ACTIVITEIT", "onderwerpReferentie", "0", "onderwerp", "Proef " + businessKey,
                "besluitnemerGroep", "wethouder-soest")).getId();
    }

    String page(String user, String path) {
        Http browser = Http.browser(port);
        browser.login(user, "demo");
        HttpResponse<String> page = browser.get(path, "text/html");
        assertThat(page.statusCode()).as(user + " " + path).isEqualTo(200);
        return page.body();
    }

    @Test
    void aMoneyRequestOfBaarnWithSoestsBusinessKeyStaysOutOfSoestsCaseFile() throws Exception {
        ClockUtil.setCurrentTime(ProcessDriver.at("2072-03-01T09:00:00"));
        String programme = programmes.start(new NewProgramme("Inclusie en diversiteit 2072-2073", LocalDate.of(2072, 1, 1),
                LocalDate.of(2073, 12, 31), List.of("baarn", "soest"), null, null, null, null, null, null), "projectleider").getId();
        askMoney(programme, "Regenboogvlag in Baarn");
        String request = askMoney(programme, "Geheime actie van Baarn");
        // The second request, and the wethouder gate it waits in, carry Soest's track key; their gemeente stays Baarn.
        ProcessInstance gate = runtimeService.createProcessInstanceQuery().superProcessInstanceId(request).singleResult();
        forgeBusinessKey(request, programme + "-soest");
        forgeBusinessKey(gate.getId(), programme + "-soest");

        for (String user : List.of("wethouder.soest", "projectleider")) {
            String soest = page(user, "/dashboard/traject/" + programme + "-soest");
            assertThat(soest).as(user).contains("Dossier gemeentetraject Soest", "Inventarisatie Soest")
                    .doesNotContain("Geheime actie", "Regenboogvlag");
        }
        // Baarn's own request is a step in Baarn's file; the instances under Soest's key are steps in no file. (Their
        // decision stays in Baarn's decisions: the gate records it for the municipality it asks, Baarn's wethouder.)
        String baarn = page("wethouder.baarn", "/dashboard/traject/" + programme + "-baarn");
        assertThat(baarn).contains("Dossier gemeentetraject Baarn", "Voorbereiden: Activiteitengeld € 500,00: Regenboogvlag in Baarn")
                .doesNotContain("Voorbereiden: Activiteitengeld € 500,00: Geheime actie");
    }

    @Test
    void aCaseOfSoestStartsOnlyUnderExactlyTheProgrammesAndSoestsKeyAndThenOnlySoestReadsIt() {
        ClockUtil.setCurrentTime(ProcessDriver.at("2074-03-01T09:00:00"));
        String programme = programmes.start(new NewProgramme("Inclusie en diversiteit 2074-2075", LocalDate.of(2074, 1, 1),
                LocalDate.of(2075, 12, 31), List.of("soest"), null, null, null, null, null, null), "projectleider").getId();
        String exact = soestGate(programme, programme + "-soest");
        for (String forged : List.of("inclusie-2000-2001-soest", programme + "-baarn-soest")) {
            assertThatThrownBy(() -> soestGate(programme, forged)).as(forged).hasMessageContaining("does not belong to exactly one municipality");
        }
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("wethouder-besluit").variableValueEquals("programmaId", programme)
                .list()).extracting(ProcessInstance::getId).containsExactly(exact);

        assertThat(Http.basic(port, "wethouder.soest", "demo").get("/engine-rest/process-instance/" + exact).statusCode()).isEqualTo(200);
        assertThat(Http.basic(port, "wethouder.baarn", "demo").get("/engine-rest/process-instance/" + exact).statusCode()).isIn(403, 404);
        // The coordinators see every case.
        assertThat(Http.basic(port, "projectleider", "demo").get("/engine-rest/process-instance/" + exact).statusCode()).isEqualTo(200);
    }
}
