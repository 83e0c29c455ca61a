package nl.regioamersfoort.samenwerken.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of the eligibility table for activity money. */
class EligibilityDecisionTest {

    static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    @ParameterizedTest
    @CsvSource({
            "false, true,  true,  false, geen activiteitengeld",
            "false, false, false, false, geen activiteitengeld",
            "true,  false, true,  false, resterende activiteitengeld",
            "true,  false, false, false, resterende activiteitengeld",
            "true,  true,  false, false, (R-01)",
            "true,  true,  true,  true,  Voldoet"})
    void decides(boolean funded, boolean withinBudget, boolean approved, boolean allowed, String reason) throws Exception {
        try (InputStream model = getClass().getClassLoader().getResourceAsStream("processes/activiteitengeld-toets.dmn")) {
            DmnDecision decision = DMN.parseDecision("activiteitengeld-toets", model);
            DmnDecisionRuleResult result = DMN.evaluateDecisionTable(decision,
                    Map.of("gefinancierd", funded, "binnenBudget", withinBudget, "activiteitGoedgekeurd", approved)).getSingleResult();
            assertThat((Boolean) result.getEntry("toegestaan")).isEqualTo(allowed);
            assertThat((String) result.getEntry("reden")).contains(reason);
        }
    }
}
