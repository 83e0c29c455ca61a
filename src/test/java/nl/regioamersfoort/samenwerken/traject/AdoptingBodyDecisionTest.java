package nl.regioamersfoort.samenwerken.traject;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who adopts a municipality's tailored plan (processes/vaststellend-orgaan.dmn): the portefeuillehouder
 * adopts it themselves, or the college decides and the beleidsambtenaar records the college's decision.
 */
class AdoptingBodyDecisionTest {

    private static final String MODEL = "processes/vaststellend-orgaan.dmn";

    private static DmnEngine dmnEngine;
    private static DmnDecision decision;

    @BeforeAll
    static void parseTheModelAsDeployed() throws IOException {
        dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream model = AdoptingBodyDecisionTest.class.getClassLoader().getResourceAsStream(MODEL)) {
            assertThat(model).as("%s on the classpath", MODEL).isNotNull();
            decision = dmnEngine.parseDecision("vaststellend-orgaan", model);
        }
        assertThat(decision.isDecisionTable()).isTrue();
    }

    private static DmnDecisionTableResult decide(String adoptingBody) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("vaststellendOrgaan", adoptingBody);
        return dmnEngine.evaluateDecisionTable(decision, variables);
    }

    @Test
    void thePortefeuillehouderAdoptsThePlanThemselves() {
        DmnDecisionTableResult result = decide("PORTEFEUILLEHOUDER");

        assertThat(result).hasSize(1);
        assertThat(result.getSingleResult().getEntryMap()).containsOnly(
                Map.entry("besluitnemer", "wethouder"),
                Map.entry("taak", "Vaststellen door de portefeuillehouder"));
    }

    @Test
    void whenTheCollegeAdoptsTheBeleidsambtenaarRecordsTheCollegeDecision() {
        DmnDecisionTableResult result = decide("COLLEGE");

        assertThat(result).hasSize(1);
        assertThat(result.getSingleResult().getEntryMap()).containsOnly(
                Map.entry("besluitnemer", "beleidsambtenaar"),
                Map.entry("taak", "Collegebesluit vastleggen"));
    }

    @Test
    void anUnknownAdoptingBodyGivesNoResult() {
        assertThat(decide("GEMEENTERAAD")).isEmpty();
        assertThat(decide("portefeuillehouder")).as("the values are case-sensitive").isEmpty();
        assertThat(decide(null)).isEmpty();
        assertThat(decide("GEMEENTERAAD").getSingleResult()).isNull();
    }
}
