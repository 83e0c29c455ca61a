package nl.regioamersfoort.samenwerken.budget;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Euro amounts from cents, exactly, as the Dutch write them (€ 1.250,50), and hours with a decimal
 * comma and without trailing zeros (12,5 and 400): the adviser books in quarters, and padding every
 * value to two decimals suggests a precision nobody records.
 */
public final class Euro {

    private Euro() {
    }

    public static String format(long cents) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("nl")));
        return "€ " + format.format(BigDecimal.valueOf(cents, 2));
    }

    public static String hours(BigDecimal hours) {
        return hours == null ? "" : hours.stripTrailingZeros().toPlainString().replace('.', ',');
    }
}
