package nl.regioamersfoort.samenwerken.budget;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Euro amounts from cents, exactly, as the Dutch write them: € 1.250,50. */
final class Euro {

    private Euro() {
    }

    static String format(long cents) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("nl")));
        return "€ " + format.format(BigDecimal.valueOf(cents, 2));
    }
}
