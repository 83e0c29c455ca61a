package nl.regioamersfoort.samenwerken.platform.text;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * How Samenwerken writes dates, amounts and hours for its Dutch readers, in one place, so a mail,
 * a page and a PDF say the same thing the same way: 26 april 2022, € 1.250,50, 12,5 uur.
 */
public final class Dutch {

    public static final Locale LOCALE = Locale.forLanguageTag("nl");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", LOCALE);
    private static final DateTimeFormatter DAY_AND_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", LOCALE);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", LOCALE);
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy", LOCALE);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", LOCALE);

    private Dutch() {
    }

    /** 26 april 2022. */
    public static String date(LocalDate day) {
        return DATE.format(day);
    }

    /** dinsdag 26 april 2022, as a deadline is announced. */
    public static String dayAndDate(LocalDate day) {
        return DAY_AND_DATE.format(day);
    }

    /** 26 april 2022 14:05; empty when there is no moment. */
    public static String moment(LocalDateTime moment) {
        return moment == null ? "" : MOMENT.format(moment);
    }

    /** 26-04-2022, for tables and spreadsheets. */
    public static String shortDate(TemporalAccessor day) {
        return SHORT_DATE.format(day);
    }

    /** apr. 2022, for a timeline's ticks. */
    public static String month(TemporalAccessor month) {
        return MONTH.format(month);
    }

    /** Euro amounts from cents, exactly: € 1.250,50. */
    public static String euros(long cents) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(LOCALE));
        return "€ " + format.format(BigDecimal.valueOf(cents, 2));
    }

    /**
     * Hours with a decimal comma and without trailing zeros (12,5 and 400): the adviser books in
     * quarters, and padding every value to two decimals suggests a precision nobody records.
     */
    public static String hours(BigDecimal hours) {
        return hours == null ? "" : hours.stripTrailingZeros().toPlainString().replace('.', ',');
    }
}
