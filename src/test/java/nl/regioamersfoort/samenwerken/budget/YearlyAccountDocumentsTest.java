package nl.regioamersfoort.samenwerken.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import nl.regioamersfoort.samenwerken.platform.text.Dutch;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class YearlyAccountDocumentsTest {

    private static final String PROGRAMME = "Inclusie & diversiteit Regio Amersfoort";
    // Contains the separator and quotes: the CSV must quote it and double the inner quotes.
    private static final String DIALOGUE = "Dialoogavond \"Wij; zij\" in de bibliotheek";
    // What a hostile or careless applicant could type; a spreadsheet must show it, not run it.
    private static final String FORMULA = "=SUM(A1:A9)";
    // Markup characters: the PDF template must escape them or openhtmltopdf rejects the page as XML.
    private static final String LANGUAGE_CAFE = "Taalcafé & ontmoeting (<25 jaar)";

    private final YearlyAccountDocuments documents = new YearlyAccountDocuments();

    private static YearlyAccount account2022() {
        List<YearlyAccount.MunicipalityMoney> money = List.of(
                new YearlyAccount.MunicipalityMoney("0308", "Baarn", 300_000, 125_050, 0, 174_950),
                new YearlyAccount.MunicipalityMoney("0313", "Bunschoten", 300_000, 300_000, 25_000, 25_000),
                new YearlyAccount.MunicipalityMoney("0327", "Leusden", 300_000, 87_500, 0, 212_500),
                new YearlyAccount.MunicipalityMoney("1904", "Soest", 300_000, 0, 0, 300_000),
                new YearlyAccount.MunicipalityMoney("0351", "Woudenberg", 300_000, 150_000, 0, 150_000));
        List<YearlyAccount.GrantedActivity> activities = List.of(
                new YearlyAccount.GrantedActivity("Baarn", DIALOGUE,
                        List.of("LHBTI+-personen", "Mensen die discriminatie of uitsluiting ervaren"), 125_050,
                        LocalDate.of(2022, 3, 14)),
                new YearlyAccount.GrantedActivity("Leusden", FORMULA, List.of("Andere doelgroep"), 87_500,
                        LocalDate.of(2022, 5, 2)),
                new YearlyAccount.GrantedActivity("Woudenberg", LANGUAGE_CAFE,
                        List.of("Mensen met een handicap of chronische ziekte"), 150_000, LocalDate.of(2022, 9, 20)));
        List<YearlyAccount.AdviserHours> hours = List.of(
                new YearlyAccount.AdviserHours("Baarn", new BigDecimal("40.00")),
                new YearlyAccount.AdviserHours("Leusden", new BigDecimal("22.75")),
                new YearlyAccount.AdviserHours("Woudenberg", new BigDecimal("16")),
                new YearlyAccount.AdviserHours("Regionaal", new BigDecimal("12.5")));
        return new YearlyAccount(PROGRAMME, 2022, LocalDate.of(2023, 3, 15), 5_000_000, money, activities, hours,
                new BigDecimal("400"), hoursPerMonth("10", "12.5", "8", "6.75", "9", "7", "0", "4", "11", "9", "8", "6"));
    }

    static List<BigDecimal> hoursPerMonth(String... hours) {
        return Arrays.stream(hours).map(BigDecimal::new).toList();
    }

    private String csvText() {
        byte[] csv = documents.csv(account2022());
        return new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
    }

    @Test
    void csvStartsWithUtf8ByteOrderMarkSoExcelKeepsTheAccents() {
        byte[] csv = documents.csv(account2022());

        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(csvText()).contains("Taalcafé");
    }

    @Test
    void csvHasTitleBlockAndDutchSectionHeadersSeparatedByEmptyLines() {
        assertThat(csvText()).startsWith("""
                Verantwoording;Inclusie & diversiteit Regio Amersfoort\r
                Jaar;2022\r
                Opgesteld op;15-03-2023\r
                Budget OCW;50000,00\r
                \r
                Activiteitengeld per gemeente\r
                Gemeente;Budget;Toegekend;Terugbetaald;Resterend\r
                """);
        assertThat(csvText())
                .contains("\r\n\r\nActiviteiten\r\nGemeente;Activiteit;Doelgroepen;Bedrag;Toegekend op\r\n")
                .contains("\r\n\r\nUren adviseur\r\nGemeente;Uren\r\n");
    }

    @Test
    void csvUsesCrlfOnly() {
        assertThat(csvText().replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        assertThat(csvText()).endsWith("Plafond;400\r\n");
    }

    @Test
    void csvMoneyRowsUseDecimalCommaWithoutGroupingAndTotalToTheCent() {
        assertThat(csvText())
                .contains("\r\nBaarn;3000,00;1250,50;0,00;1749,50\r\n")
                .contains("\r\nBunschoten;3000,00;3000,00;250,00;250,00\r\n")
                .contains("\r\nSoest;3000,00;0,00;0,00;3000,00\r\n")
                .contains("\r\nTotaal;15000,00;6625,50;250,00;8624,50\r\n");
    }

    @Test
    void csvQuotesFieldsWithSeparatorOrQuotesAndJoinsTargetGroups() {
        assertThat(csvText()).contains("\r\nBaarn;\"Dialoogavond \"\"Wij; zij\"\" in de bibliotheek\";"
                + "LHBTI+-personen, Mensen die discriminatie of uitsluiting ervaren;1250,50;14-03-2022\r\n");
    }

    @Test
    void csvDefusesTextThatASpreadsheetWouldTakeForAFormula() {
        assertThat(csvText())
                .contains("\r\nLeusden;'=SUM(A1:A9);Andere doelgroep;875,00;02-05-2022\r\n")
                .doesNotContain(";=SUM(");
    }

    @Test
    void csvHoursUseDecimalCommaWithoutTrailingZeros() {
        assertThat(csvText())
                .contains("\r\nBaarn;40\r\n")
                .contains("\r\nLeusden;22,75\r\n")
                .contains("\r\nRegionaal;12,5\r\n")
                .contains("\r\nTotaal;91,25\r\nPlafond;400\r\n");
    }

    @Test
    void csvFieldRulesFollowRfc4180AndOwasp() {
        assertThat(YearlyAccountDocuments.text("Baarn")).isEqualTo("Baarn");
        assertThat(YearlyAccountDocuments.text("a;b")).isEqualTo("\"a;b\"");
        assertThat(YearlyAccountDocuments.text("regel 1\nregel 2")).isEqualTo("\"regel 1\nregel 2\"");
        assertThat(YearlyAccountDocuments.text("+31 33 123")).isEqualTo("'+31 33 123");
        assertThat(YearlyAccountDocuments.text("-1")).isEqualTo("'-1");
        assertThat(YearlyAccountDocuments.text("@gemeente")).isEqualTo("'@gemeente");
        assertThat(YearlyAccountDocuments.text("=A1;B1")).isEqualTo("\"'=A1;B1\"");
        assertThat(YearlyAccountDocuments.text(null)).isEmpty();
    }

    @Test
    void euroAmountsAreExactFromCents() {
        assertThat(YearlyAccountDocuments.euroPlain(5)).isEqualTo("0,05");
        assertThat(YearlyAccountDocuments.euroPlain(-1_250)).isEqualTo("-12,50");
        assertThat(YearlyAccountDocuments.euroPlain(Long.MAX_VALUE)).isEqualTo("92233720368547758,07");
        assertThat(Dutch.euros(0)).isEqualTo("€ 0,00");
        assertThat(Dutch.euros(99_999)).isEqualTo("€ 999,99");
        assertThat(Dutch.euros(100_000)).isEqualTo("€ 1.000,00");
        assertThat(Dutch.euros(123_456_789)).isEqualTo("€ 1.234.567,89");
        assertThat(Dutch.euros(-125_050)).isEqualTo("€ -1.250,50");
    }

    @Test
    void pdfIsAnA4DocumentWithTheTablesInDutch() throws IOException {
        byte[] pdf = documents.pdf(account2022());

        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDRectangle page = document.getPage(0).getMediaBox();
            assertThat(page.getWidth()).isCloseTo(PDRectangle.A4.getWidth(), offset(1f));
            assertThat(page.getHeight()).isCloseTo(PDRectangle.A4.getHeight(), offset(1f));
            assertThat(document.getDocumentInformation().getTitle())
                    .isEqualTo("Verantwoording Inclusie & diversiteit Regio Amersfoort 2022");

            // Table cells wrap wherever the layout wants; compare text with whitespace collapsed.
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text)
                    .contains("Verantwoording Inclusie & diversiteit Regio Amersfoort 2022")
                    .contains("Activiteitengeld per gemeente", "Activiteiten", "Uren adviseur")
                    .contains("Baarn", "Bunschoten", "Leusden", "Soest", "Woudenberg", "Regionaal")
                    .contains("Budget OCW: € 50.000,00", "€ 3.000,00", "€ 1.250,50", "€ 15.000,00", "€ 6.625,50")
                    .contains("91,25", "12,5")
                    .contains("=SUM(A1:A9)", "Taalcafé & ontmoeting (<25 jaar)")
                    .contains("Opgesteld op 15 maart 2023 door Samenwerken – Regio Amersfoort");
        }
    }

    /** Issue 16: the three charts of the money page, with their numbers in words, are in the PDF's text too. */
    @Test
    void pdfPicturesMoneyAndHoursAsChartsWithTheirNumbersInWords() throws IOException {
        try (PDDocument document = Loader.loadPDF(documents.pdf(account2022()))) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text)
                    .contains("Geld van het ministerie (OCW) in 2022: toegedeeld, toegekend en over. Een volle balk is het budget van € 50.000,00.")
                    .contains("Toegedeeld als activiteitengeld € 15.000,00 (30% van het budget)")
                    .contains("Toegekend aan activiteiten (min terugbetalingen) € 6.375,50 (13% van het budget)")
                    .contains("Over (budget min toegekend) € 43.624,50 (87% van het budget)")
                    .contains("Activiteitengeld per gemeente in 2022: gebruikt (toegekend min terugbetaald) en over.")
                    .contains("Baarn € 1.250,50 gebruikt (42%), € 1.749,50 over van € 3.000,00")
                    .contains("Bunschoten € 2.750,00 gebruikt (92%), € 250,00 over van € 3.000,00")
                    .contains("Soest € 0,00 gebruikt (0%), € 3.000,00 over van € 3.000,00")
                    .contains("Adviesuren in 2022, per maand van boeking opgeteld, tegen het jaarplafond van 400 uur.")
                    .contains("bij 80% (320 uur) en bij 100% krijgt de projectleider een signaal.")
                    .contains("Januari 10 uur, samen 10 van 400 uur (3%)")
                    .contains("Februari 12,5 uur, samen 22,5 van 400 uur (6%)")
                    .contains("December 6 uur, samen 91,25 van 400 uur (23%)");
            // The charts come before the tables: people look before they read.
            assertThat(text.indexOf("Een volle balk is het budget van de gemeente")).isLessThan(text.indexOf("Gemeente Budget Toegekend"));
        }
    }

    @Test
    void markupInNamesIsPrintedAsTextNotInterpreted() throws IOException {
        YearlyAccount account = account2022();
        String script = "<script>alert('xss')</script><b>vet</b>";
        YearlyAccount hostile = new YearlyAccount("Inclusie <i>schuin</i>", account.year(), account.preparedOn(),
                account.ministryBudgetCents(), account.money(),
                List.of(new YearlyAccount.GrantedActivity("Soest", script, List.of("<img src=x onerror=alert(1)>"), 10_000,
                        LocalDate.of(2022, 6, 1))),
                account.hours(), account.hoursCap(), account.hoursPerMonth());

        try (PDDocument document = Loader.loadPDF(documents.pdf(hostile))) {
            // Interpreted markup would lose its tags (and a script its text); printed as text, every character is there.
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
            assertThat(text).contains("<script>alert('xss')</script><b>vet</b>", "<imgsrc=xonerror=alert(1)>",
                    "VerantwoordingInclusie<i>schuin</i>2022");
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Verantwoording Inclusie <i>schuin</i> 2022");
        }
        String csv = new String(documents.csv(hostile), StandardCharsets.UTF_8);
        assertThat(csv).contains(script);
    }

    @Test
    void pdfSurvivesControlCharactersPastedFromAWordProcessor() throws IOException {
        YearlyAccount account = account2022();
        YearlyAccount pasted = new YearlyAccount(account.programmeName(), account.year(), account.preparedOn(),
                account.ministryBudgetCents(), account.money(),
                List.of(new YearlyAccount.GrantedActivity("Soest", "Buurtlunch\u000Bmet muziek", List.of(), 10_000,
                        LocalDate.of(2022, 6, 1))),
                account.hours(), account.hoursCap(), account.hoursPerMonth());

        try (PDDocument document = Loader.loadPDF(documents.pdf(pasted))) {
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " ")).contains("Buurtlunch met muziek");
        }
    }

    @Test
    void pdfPrintsNamesBeyondWesternEuropeWithTheEmbeddedFont() throws IOException {
        YearlyAccount account = account2022();
        YearlyAccount names = new YearlyAccount(account.programmeName(), account.year(), account.preparedOn(),
                account.ministryBudgetCents(), account.money(),
                List.of(new YearlyAccount.GrantedActivity("Soest", "Lezing door Łukasz en Şükrü over Ağrı", List.of(), 10_000,
                        LocalDate.of(2022, 6, 1))),
                account.hours(), account.hoursCap(), account.hoursPerMonth());

        try (PDDocument document = Loader.loadPDF(documents.pdf(names))) {
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " ")).contains("Lezing door Łukasz en Şükrü over Ağrı");
        }
    }
}
