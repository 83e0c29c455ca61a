package nl.regioamersfoort.samenwerken.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import nl.regioamersfoort.samenwerken.DemoApplicationTest;
import nl.regioamersfoort.samenwerken.ProcessDriver;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.core.groups.Tuple;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 16: the charts of the budget picture the ledger as the real processes filled it (BudgetYear):
 * each bar's width is its share, rounded, with the exact numbers beside it in words; hours approved
 * beyond the yearly cap fill their bar and no more, and say by how much they are over.
 */
@DemoApplicationTest
class BudgetChartsTest {

    static final int YEAR = 2096;

    @Autowired
    ProcessEngine engine;
    @Autowired
    Programmes programmes;
    @Autowired
    YearlyAccounts yearlyAccounts;
    @Autowired
    YearlyAccountDocuments documents;
    @LocalServerPort
    int port;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theChartsPictureGrantsRefundsAndHoursAsBookedAndCutTheHoursAtTheCap() throws Exception {
        BudgetYear books = BudgetYear.bookFirstQuarter(engine, programmes, port, YEAR);
        YearlyAccount account = yearlyAccounts.of(books.programme, YEAR);
        List<BudgetChart> charts = BudgetCharts.of(account);

        assertThat(charts).extracting(BudgetChart::id).containsExactly("grafiek-ministerie", "grafiek-activiteitengeld", "grafiek-adviesuren");
        assertThat(charts.get(0).caption()).isEqualTo("Geld van het ministerie (OCW) in 2096: toegedeeld, toegekend en over. "
                + "Een volle balk is het budget van € 50.000,00.");
        assertThat(bars(charts.get(0)))
                .containsExactly(
                        tuple("Budget van het ministerie", 100, "€ 50.000,00 (100% van het budget)", false),
                        tuple("Toegedeeld als activiteitengeld", 40, "€ 20.000,00 (40% van het budget)", false),
                        tuple("Toegekend aan activiteiten (min terugbetalingen)", 20, "€ 10.000,00 (20% van het budget)", false),
                        tuple("Over (budget min toegekend)", 80, "€ 40.000,00 (80% van het budget)", false));
        // Baarn: € 3.000 granted, € 500 back: € 2.500 of € 10.000 used.
        assertThat(bars(charts.get(1)))
                .containsExactly(
                        tuple("Baarn", 25, "€ 2.500,00 gebruikt (25%), € 7.500,00 over van € 10.000,00", false),
                        tuple("Leusden", 75, "€ 7.500,00 gebruikt (75%), € 2.500,00 over van € 10.000,00", false));
        // The cap is per year: the running total against all 40 hours, up to March, the month of the account.
        assertThat(charts.get(2).caption()).isEqualTo("Adviesuren in 2096, per maand van boeking opgeteld, tegen het jaarplafond van 40 uur. "
                + "Een volle balk is het plafond; bij 80% (32 uur) en bij 100% krijgt de projectleider een signaal.");
        assertThat(bars(charts.get(2)))
                .containsExactly(
                        tuple("Januari", 30, "12 uur, samen 12 van 40 uur (30%)", false),
                        tuple("Februari", 80, "20 uur, samen 32 van 40 uur (80%)", false),
                        tuple("Maart", 100, "10 uur, samen 42 van 40 uur (105%): 2 uur boven het plafond", true));

        // The yearly account's PDF prints the same charts.
        try (PDDocument pdf = Loader.loadPDF(documents.pdf(account))) {
            assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", " "))
                    .contains("Geld van het ministerie (OCW) in 2096: toegedeeld, toegekend en over.")
                    .contains("Baarn € 2.500,00 gebruikt (25%), € 7.500,00 over van € 10.000,00")
                    .contains("Maart 10 uur, samen 42 van 40 uur (105%): 2 uur boven het plafond")
                    .doesNotContain("April");
        }

        // A closed year shows all twelve months; the running total stays where March left it.
        ClockUtil.setCurrentTime(ProcessDriver.at((YEAR + 1) + "-01-05T09:00:00"));
        assertThat(BudgetCharts.of(yearlyAccounts.of(books.programme, YEAR)).get(2).bars()).hasSize(12).last()
                .satisfies(december -> assertThat(december.value()).isEqualTo("0 uur, samen 42 van 40 uur (105%): 2 uur boven het plafond"));
    }

    /** Each bar as label, width, words and whether it was cut. */
    private static List<Tuple> bars(BudgetChart chart) {
        return chart.bars().stream().map(bar -> tuple(bar.label(), bar.percent(), bar.value(), bar.beyond())).toList();
    }

    /** Over budget cannot be booked (the guards refuse it), but a bar must never leave its track if the numbers ever say so. */
    @Test
    void aBarBeyondItsWholeIsCutAtTheEndAndSaysByHowMuch() {
        YearlyAccount over = new YearlyAccount("Begroting", YEAR, LocalDate.of(YEAR, 6, 1), 500_000,
                List.of(new YearlyAccount.MunicipalityMoney("0308", "Baarn", 300_000, 320_000, 0, -20_000),
                        new YearlyAccount.MunicipalityMoney("0327", "Leusden", 300_000, 0, 0, 300_000)),
                List.of(), List.of(), BigDecimal.ZERO, YearlyAccountDocumentsTest.hoursPerMonth("1", "0", "0", "0", "0", "0", "0", "0", "0", "0",
                        "0", "0"));

        assertThat(BudgetCharts.activityMoney(over).bars()).extracting(BudgetChart.Bar::percent, BudgetChart.Bar::value, BudgetChart.Bar::beyond)
                .containsExactly(tuple(100, "€ 3.200,00 gebruikt (107%), € 200,00 boven het budget van € 3.000,00", true),
                        tuple(0, "€ 0,00 gebruikt (0%), € 3.000,00 over van € 3.000,00", false));
        // € 6.000 allotted of € 5.000: cut at 100%; € 3.200 used leaves € 1.800.
        assertThat(BudgetCharts.ministry(over).bars()).extracting(BudgetChart.Bar::percent, BudgetChart.Bar::beyond)
                .containsExactly(tuple(100, false), tuple(100, true), tuple(64, false), tuple(36, false));
        // Without a cap there is no share to tell, yet hours were booked: a full bar, no made-up percentage.
        assertThat(BudgetCharts.adviserHours(over).bars()).hasSize(6).first().satisfies(january -> {
            assertThat(january.percent()).isEqualTo(100);
            assertThat(january.beyond()).isTrue();
            assertThat(january.value()).isEqualTo("1 uur, samen 1 van 0 uur: 1 uur boven het plafond");
        });
        assertThat(BudgetCharts.Share.of(new BigDecimal("-5"), BigDecimal.TEN).width()).isZero();
        assertThat(BudgetCharts.Share.of(new BigDecimal("12500"), new BigDecimal("50000")).width()).isEqualTo(25);
    }
}
