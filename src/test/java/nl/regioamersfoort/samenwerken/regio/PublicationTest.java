package nl.regioamersfoort.samenwerken.regio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import nl.regioamersfoort.samenwerken.DemoApplicationTest;
import nl.regioamersfoort.samenwerken.ProcessDriver;
import nl.regioamersfoort.samenwerken.besluit.Consent;
import nl.regioamersfoort.samenwerken.besluit.Decisions;
import nl.regioamersfoort.samenwerken.platform.form.InvalidInputException;
import nl.regioamersfoort.samenwerken.programma.NewProgramme;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * R-02 has two halves: a consent states its audience, regional (the stuurgroep, the BOSD, the
 * other participants) or public (the published final report and the web page). The final report is
 * made public only with the public consent of every municipality whose information is in it.
 */
@DemoApplicationTest
class PublicationTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    Programmes programmes;
    @Autowired
    Decisions decisions;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theFinalReportIsPublicOnlyWithThePublicConsentOfEveryMunicipalityInIt() {
        // Amersfoort's wethouder consents to share one success regionally only: the report stays regional.
        String regional = periodWithOneContribution(2065, "regionaal");
        Task refused = driver().task(regional, "eindrapportage-publiceren");
        assertThat(engine.getTaskService().getVariableLocal(refused.getId(), "toestemmingen")).isEqualTo("Amersfoort: alleen regionaal gedeeld");
        assertThatThrownBy(() -> driver().complete(refused, "projectleider", "openbaarMaken", "ja")).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Openbaar maken kan niet: Amersfoort gaf geen toestemming");
        assertThat(published(regional)).isZero();
        driver().complete(refused, "projectleider", "openbaarMaken", "nee");
        assertThat(published(regional)).isZero();

        // With the public consent, the final report is made public.
        String open = periodWithOneContribution(2067, "openbaar");
        assertThat(decisions.consents(open)).extracting(Consent::getAudience).containsExactly(Consent.Audience.OPENBAAR);
        Task publication = driver().task(open, "eindrapportage-publiceren");
        assertThat(engine.getTaskService().getVariableLocal(publication.getId(), "toestemmingen"))
                .isEqualTo("Amersfoort: toestemming om openbaar te maken");
        // The projectleider's question, not the BOSD's.
        assertThatThrownBy(() -> driver().complete(publication, "bosd", "openbaarMaken", "ja")).isInstanceOf(AuthorizationException.class);
        driver().complete(publication, "projectleider", "openbaarMaken", "ja");
        assertThat(published(open)).isOne();
    }

    /** A year of Amersfoort alone, one meeting, one success shared with this audience; up to the question of publication. */
    private String periodWithOneContribution(int year, String audience) {
        ProcessDriver driver = driver();
        ClockUtil.setCurrentTime(ProcessDriver.at(year + "-01-10T09:00:00"));
        String programme = programmes.start(new NewProgramme("Inclusie en diversiteit " + year, LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31), List.of("amersfoort"), null, null, null, null, null, List.of(LocalDate.of(year, 11, 30))),
                "projectleider").getId();
        String region = programme + "-regio";
        driver.shareRegionalDocuments(region);
        driver.contribute(programme, "amersfoort", "succes", "Regenboogweek");
        String amersfoort = programme + "-amersfoort";
        driver.complete(amersfoort, "besluit-voorbereiden", "ambtenaar.amersfoort", "voorstel", "Succes: Regenboogweek");
        driver.complete(amersfoort, "besluit-nemen", "wethouder.amersfoort", "uitkomst", "akkoord", "motivering", "Mooi", "reikwijdte", audience);
        driver.travelTo(year + "-11-30T10:00:00");
        driver.complete(region, "voortgang-voorbereiden", "stuurgroep", "verslag", "Voorbereid");
        driver.complete(region, "voortgang-delen", "bosd", "verslag", "Gedeeld");
        driver.travelTo((year + 1) + "-02-05T10:00:00");
        driver.complete(programme, "eindrapportage-opstellen", "projectleider", "concept", "Eindrapportage " + year);
        driver.complete(programme, "eindrapportage-voorbereiden", "stuurgroep", "verslag", "Voorbereid");
        driver.complete(programme, "eindrapportage-delen", "bosd", "verslag", "Gedeeld");
        return programme;
    }

    private int published(String programme) {
        return jdbc.queryForObject("select count(*) from regional_document where programme_id = ? and kind = 'EINDRAPPORTAGE'"
                + " and step = 'GEPUBLICEERD'", Integer.class, programme);
    }

    private ProcessDriver driver() {
        return new ProcessDriver(engine);
    }
}
