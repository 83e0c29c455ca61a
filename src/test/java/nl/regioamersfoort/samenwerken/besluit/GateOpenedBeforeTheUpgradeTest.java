package nl.regioamersfoort.samenwerken.besluit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.regioamersfoort.samenwerken.DemoApplicationTest;
import nl.regioamersfoort.samenwerken.ProcessDriver;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A gate opened before the decision form gained the college's date and number and the consent's
 * audience keeps the form of its own deployment. Deciding it after the upgrade still works: the new
 * fields' rules do not apply to a form without them, and the consent is regional.
 */
@DemoApplicationTest
class GateOpenedBeforeTheUpgradeTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    Programmes programmes;
    @Autowired
    Decisions decisions;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aConsentRequestWithTheFormOfItsOwnOlderDeploymentIsDecidedAsBefore() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode form = (ObjectNode) json.readTree(Files.readString(Path.of("forms", "besluit-nemen.form")));
        ArrayNode older = json.createArrayNode();
        Set<String> added = Set.of("Text_collegebesluit", "Field_collegebesluitDatum", "Field_collegebesluitNummer", "Field_reikwijdte");
        form.get("components").forEach(component -> {
            if (!added.contains(component.get("id").asText())) {
                older.add(component);
            }
        });
        form.set("components", older);
        String gateModel = Files.readString(Path.of("processes", "wethouder-besluit.bpmn"));
        engine.getRepositoryService().createDeployment().name("Besluitpoort van voor de upgrade")
                .addString("wethouder-besluit.bpmn", gateModel)
                .addString("besluit-nemen.form", json.writeValueAsString(form))
                .addString("besluit-voorbereiden.form", Files.readString(Path.of("forms", "besluit-voorbereiden.form"), StandardCharsets.UTF_8))
                .deploy();

        String programme = ProcessDriver.startProgramme(programmes, 2077, null, "soest");
        String gate = engine.getRuntimeService().startProcessInstanceByKey("wethouder-besluit", programme + "-soest", new HashMap<>(Map.of(
                "programmaId", programme, "gemeente", "soest", "onderwerpType", "TOESTEMMING_MAATWERKPLAN", "onderwerpReferentie",
                programme + "-soest", "onderwerp", "Maatwerkplan Soest regionaal delen", "besluitnemerGroep", "wethouder-soest",
                "voorstelConcept", "Het plan van Soest"))).getId();
        ProcessDriver driver = new ProcessDriver(engine);
        List<Task> prepare = engine.getTaskService().createTaskQuery().processInstanceId(gate).list();
        driver.complete(prepare.get(0), "ambtenaar.soest", "voorstel", "Het plan van Soest");
        driver.complete(engine.getTaskService().createTaskQuery().processInstanceId(gate).singleResult(), "wethouder.soest",
                "uitkomst", "akkoord", "motivering", "Delen");

        assertThat(decisions.consents(programme)).extracting(Consent::getAudience).containsExactly(Consent.Audience.REGIONAAL);
    }
}
