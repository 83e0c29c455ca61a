package nl.regioamersfoort.samenwerken.programma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import nl.regioamersfoort.samenwerken.DemoApplicationTest;
import nl.regioamersfoort.samenwerken.ProcessDriver;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The feedback moment after the elections (seed 000 §11) comes in a period with municipal
 * elections, from the election calendar of the reference data, and not in one without; a date the
 * projectleider chose is kept either way.
 */
@DemoApplicationTest
class FeedbackMomentTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    Programmes programmes;

    ProcessDriver driver;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        driver = new ProcessDriver(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aPeriodWithMunicipalElectionsHasItsFeedbackMomentInJuneAfterThem() {
        // 2049-2050: the elections of March 2050 fall in it; the plans were due in June 2049.
        String programme = ProcessDriver.startProgramme(programmes, 2049, null, "baarn");
        assertThat(programmes.get(programme).getCalendar().feedback()).isEqualTo(LocalDate.of(2050, 6, 30));
        driver.travelTo("2050-06-29T10:00:00");
        assertThat(driver.tasks(programme, "terugkoppeling-voorbereiden")).isEmpty();
        driver.travelTo("2050-06-30T10:00:00");
        assertThat(driver.tasks(programme, "terugkoppeling-voorbereiden")).hasSize(1);
    }

    @Test
    void aPeriodWithoutElectionsHasNoFeedbackMomentUnlessTheProjectleiderPlannedOne() {
        // 2055-2056: no municipal elections (2054 and 2058).
        String quiet = ProcessDriver.startProgramme(programmes, 2055, null, "soest");
        String planned = ProcessDriver.startProgramme(programmes, 2055, LocalDate.of(2055, 9, 1), "leusden");
        assertThat(programmes.get(quiet).getCalendar().feedback()).isNull();
        driver.travelTo("2055-09-02T10:00:00");
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(quiet).singleResult();
        assertThat(instance).hasPassed("geen-terugkoppeling").hasNotPassed("terugkoppeling-voorbereiden");
        assertThat(driver.tasks(quiet, "terugkoppeling-voorbereiden")).isEmpty();
        assertThat(driver.tasks(planned, "terugkoppeling-voorbereiden")).hasSize(1);
    }
}
