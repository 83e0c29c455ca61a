package nl.regioamersfoort.samenwerken.budget;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import nl.regioamersfoort.samenwerken.platform.pdf.PdfDocuments;
import nl.regioamersfoort.samenwerken.platform.text.Dutch;
import nl.regioamersfoort.samenwerken.platform.time.EngineClock;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * Turns a {@link YearlyAccount} into the two documents the ministry of OCW and the municipalities
 * receive: a CSV for their own spreadsheets and a printable PDF. Amounts stay in cents until the
 * very last moment, so a total in the documents always equals the sum of its rows to the cent.
 */
@Component
public class YearlyAccountDocuments {


    // Excel only detects UTF-8 with a BOM; without it municipality and activity names lose their accents.
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    // Dutch Excel uses the comma as decimal separator, so it expects ';' between fields.
    private static final String SEPARATOR = ";";
    private static final String CRLF = "\r\n";
    private static final String TEMPLATE = "verantwoording/jaarverantwoording";
    // The PDF loads nothing while rendering (no base URL), so the charts' stylesheet goes into the document.
    private static final String CHART_STYLES = chartStyles();

    // All templates, not only verantwoording/: the charts are a fragment the money page shares (budget/grafieken).
    private final SpringTemplateEngine templates = PdfDocuments.templateEngine("templates/");

    /**
     * The account as CSV for Dutch Excel: UTF-8 with BOM, ';' separated, decimal comma, CRLF, one
     * section per table. Text a spreadsheet could take for a formula is defused with a leading quote.
     */
    public byte[] csv(YearlyAccount account) {
        Objects.requireNonNull(account, "account");
        StringBuilder csv = new StringBuilder();

        line(csv, text("Verantwoording"), text(account.programmeName()));
        line(csv, text("Jaar"), Integer.toString(account.year()));
        line(csv, text("Opgesteld op"), shortDate(account.preparedOn()));
        line(csv, text("Budget OCW"), euroPlain(account.ministryBudgetCents()));

        csv.append(CRLF);
        line(csv, text("Activiteitengeld per gemeente"));
        line(csv, text("Gemeente"), text("Budget"), text("Toegekend"), text("Terugbetaald"), text("Resterend"));
        for (YearlyAccount.MunicipalityMoney money : rows(account.money())) {
            line(csv, text(money.municipalityName()), euroPlain(money.budgetCents()), euroPlain(money.grantedCents()),
                    euroPlain(money.refundedCents()), euroPlain(money.remainingCents()));
        }
        MoneyTotals totals = MoneyTotals.of(rows(account.money()));
        line(csv, text("Totaal"), euroPlain(totals.budgetCents()), euroPlain(totals.grantedCents()),
                euroPlain(totals.refundedCents()), euroPlain(totals.remainingCents()));

        csv.append(CRLF);
        line(csv, text("Activiteiten"));
        line(csv, text("Gemeente"), text("Activiteit"), text("Doelgroepen"), text("Bedrag"), text("Toegekend op"));
        for (YearlyAccount.GrantedActivity activity : rows(account.activities())) {
            line(csv, text(activity.municipalityName()), text(activity.activity()), text(targetGroups(activity)),
                    euroPlain(activity.amountCents()), shortDate(activity.grantedOn()));
        }

        csv.append(CRLF);
        line(csv, text("Uren adviseur"));
        line(csv, text("Gemeente"), text("Uren"));
        for (YearlyAccount.AdviserHours hours : rows(account.hours())) {
            line(csv, text(hours.municipalityName()), hours(hours.hours()));
        }
        line(csv, text("Totaal"), hours(totalHours(rows(account.hours()))));
        line(csv, text("Plafond"), hours(account.hoursCap()));

        byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[UTF8_BOM.length + body.length];
        System.arraycopy(UTF8_BOM, 0, withBom, 0, UTF8_BOM.length);
        System.arraycopy(body, 0, withBom, UTF8_BOM.length, body.length);
        return withBom;
    }

    /** The account as a printable A4 PDF in Dutch: the money and hours as three charts, then the same three tables as the CSV. */
    public byte[] pdf(YearlyAccount account) {
        Objects.requireNonNull(account, "account");
        Context context = new Context(Dutch.LOCALE);
        context.setVariable("title", "Verantwoording " + pdfText(account.programmeName()) + " " + account.year());
        context.setVariable("ministryBudget", Dutch.euros(account.ministryBudgetCents()));
        context.setVariable("preparedOn", Dutch.date(account.preparedOn()));

        List<MoneyRow> money = new ArrayList<>();
        for (YearlyAccount.MunicipalityMoney row : rows(account.money())) {
            money.add(new MoneyRow(pdfText(row.municipalityName()), Dutch.euros(row.budgetCents()),
                    Dutch.euros(row.grantedCents()), Dutch.euros(row.refundedCents()), Dutch.euros(row.remainingCents())));
        }
        MoneyTotals totals = MoneyTotals.of(rows(account.money()));
        context.setVariable("money", money);
        context.setVariable("moneyTotal", new MoneyRow("Totaal", Dutch.euros(totals.budgetCents()),
                Dutch.euros(totals.grantedCents()), Dutch.euros(totals.refundedCents()), Dutch.euros(totals.remainingCents())));

        List<ActivityRow> activities = new ArrayList<>();
        for (YearlyAccount.GrantedActivity row : rows(account.activities())) {
            activities.add(new ActivityRow(pdfText(row.municipalityName()), pdfText(row.activity()),
                    pdfText(targetGroups(row)), Dutch.euros(row.amountCents()), shortDate(row.grantedOn())));
        }
        context.setVariable("activities", activities);

        List<HoursRow> hours = new ArrayList<>();
        for (YearlyAccount.AdviserHours row : rows(account.hours())) {
            hours.add(new HoursRow(pdfText(row.municipalityName()), hours(row.hours())));
        }
        context.setVariable("hours", hours);
        context.setVariable("hoursTotal", hours(totalHours(rows(account.hours()))));
        context.setVariable("hoursCap", hours(account.hoursCap()));
        context.setVariable("charts", BudgetCharts.of(account));
        context.setVariable("chartStyles", CHART_STYLES);

        String html = templates.process(TEMPLATE, context);
        return PdfDocuments.render(html);
    }

    private static String chartStyles() {
        try (InputStream css = YearlyAccountDocuments.class.getResourceAsStream("/static/css/grafieken.css")) {
            return new String(Objects.requireNonNull(css, "static/css/grafieken.css").readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the charts' stylesheet", e);
        }
    }

    /** Rows as the template shows them: every value already formatted, so the template does no arithmetic. */
    record MoneyRow(String municipality, String budget, String granted, String refunded, String remaining) {
    }

    record ActivityRow(String municipality, String activity, String targetGroups, String amount, String grantedOn) {
    }

    record HoursRow(String municipality, String hours) {
    }

    private record MoneyTotals(long budgetCents, long grantedCents, long refundedCents, long remainingCents) {

        // addExact: a wrong total in a report to the ministry is worse than no report at all.
        static MoneyTotals of(List<YearlyAccount.MunicipalityMoney> rows) {
            long budget = 0;
            long granted = 0;
            long refunded = 0;
            long remaining = 0;
            for (YearlyAccount.MunicipalityMoney row : rows) {
                budget = Math.addExact(budget, row.budgetCents());
                granted = Math.addExact(granted, row.grantedCents());
                refunded = Math.addExact(refunded, row.refundedCents());
                remaining = Math.addExact(remaining, row.remainingCents());
            }
            return new MoneyTotals(budget, granted, refunded, remaining);
        }
    }

    /** Euro cents as Excel reads them in a Dutch locale: {@code 3000,00}, no currency sign, no grouping. */
    static String euroPlain(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString().replace('.', ',');
    }

    static String hours(BigDecimal hours) {
        return Dutch.hours(hours);
    }

    /**
     * One CSV text field: defused against formula injection first (OWASP's list of trigger characters),
     * then quoted per RFC 4180 if it contains the separator, a quote or a line break.
     */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String field = value;
        if ("=+-@\t\r".indexOf(field.charAt(0)) >= 0) {
            field = "'" + field;
        }
        if (field.contains(SEPARATOR) || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
            field = "\"" + field.replace("\"", "\"\"") + "\"";
        }
        return field;
    }

    private static void line(StringBuilder csv, String... fields) {
        csv.append(String.join(SEPARATOR, fields)).append(CRLF);
    }

    private static String shortDate(LocalDate date) {
        return date == null ? "" : Dutch.shortDate(date);
    }

    private static String targetGroups(YearlyAccount.GrantedActivity activity) {
        return activity.targetGroups() == null ? "" : String.join(", ", activity.targetGroups());
    }

    private static BigDecimal totalHours(List<YearlyAccount.AdviserHours> rows) {
        BigDecimal total = BigDecimal.ZERO;
        for (YearlyAccount.AdviserHours row : rows) {
            if (row.hours() != null) {
                total = total.add(row.hours());
            }
        }
        return total;
    }

    private static <T> List<T> rows(List<T> rows) {
        return rows == null ? List.of() : rows;
    }

    /**
     * Text pasted from a word processor can hold control characters (a vertical tab for a soft line
     * break) that XML forbids; openhtmltopdf parses the page as XML and would refuse the whole document.
     */
    static String pdfText(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder clean = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            boolean allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
            clean.appendCodePoint(allowed ? c : ' ');
        });
        return clean.toString();
    }
}
