package nl.regioamersfoort.samenwerken.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import nl.regioamersfoort.samenwerken.platform.text.Dutch;

/**
 * The programme's money and hours of one year as three bar charts, computed from the yearly
 * account only: the money page and the PDF then picture the very numbers the account's tables
 * report, and cannot drift apart.
 */
final class BudgetCharts {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    // The share at which urensignaal first mails the projectleider (AdviserHours); named in the caption.
    private static final BigDecimal FIRST_SIGNAL = new BigDecimal("0.8");

    private BudgetCharts() {
    }

    /** Ministry money, activity money per municipality, adviser hours: the order the money page explains them. */
    static List<BudgetChart> of(YearlyAccount account) {
        return List.of(ministry(account), activityMoney(account), adviserHours(account));
    }

    /** The ministry's budget against what went to the municipalities, what they used and what is left. */
    static BudgetChart ministry(YearlyAccount account) {
        long total = account.ministryBudgetCents();
        long allotted = 0;
        long used = 0;
        for (YearlyAccount.MunicipalityMoney money : account.money()) {
            allotted = Math.addExact(allotted, available(money));
            used = Math.addExact(used, used(money));
        }
        List<BudgetChart.Bar> bars = List.of(ofMinistry("Budget van het ministerie", total, total),
                ofMinistry("Toegedeeld als activiteitengeld", allotted, total),
                ofMinistry("Toegekend aan activiteiten (min terugbetalingen)", used, total),
                ofMinistry("Over (budget min toegekend)", total - used, total));
        return new BudgetChart("grafiek-ministerie", "Geld van het ministerie (OCW) in " + account.year()
                + ": toegedeeld, toegekend en over. Een volle balk is het budget van " + Dutch.euros(total) + ".",
                "Geld", "Bedrag", bars, "Geen budget van het ministerie.");
    }

    private static BudgetChart.Bar ofMinistry(String label, long cents, long total) {
        Share share = Share.of(BigDecimal.valueOf(cents), BigDecimal.valueOf(total));
        return new BudgetChart.Bar(label, share.width(), Dutch.euros(cents) + share.text(" van het budget"), share.beyond());
    }

    /** Per funded municipality: the filled part of its bar is used, the empty part is left. */
    static BudgetChart activityMoney(YearlyAccount account) {
        List<BudgetChart.Bar> bars = new ArrayList<>();
        for (YearlyAccount.MunicipalityMoney money : account.money()) {
            long available = available(money);
            long used = used(money);
            Share share = Share.of(BigDecimal.valueOf(used), BigDecimal.valueOf(available));
            String rest = money.remainingCents() < 0
                    ? Dutch.euros(-money.remainingCents()) + " boven het budget van " + Dutch.euros(available)
                    : Dutch.euros(money.remainingCents()) + " over van " + Dutch.euros(available);
            bars.add(new BudgetChart.Bar(money.municipalityName(), share.width(), Dutch.euros(used) + " gebruikt" + share.text("") + ", " + rest,
                    share.beyond()));
        }
        return new BudgetChart("grafiek-activiteitengeld", "Activiteitengeld per gemeente in " + account.year()
                + ": gebruikt (toegekend min terugbetaald) en over. Een volle balk is het budget van de gemeente, het gevulde deel is gebruikt.",
                "Gemeente", "Gebruikt en over", bars, "Geen gemeenten met activiteitengeld.");
    }

    /**
     * The cap is a yearly one, and the signals look at the year's running total (AdviserHours): so
     * each month shows the hours booked so far in the year, against the whole cap, not a twelfth of it.
     */
    static BudgetChart adviserHours(YearlyAccount account) {
        BigDecimal cap = account.hoursCap();
        List<BudgetChart.Bar> bars = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int month = 1; month <= monthsPassed(account); month++) {
            BigDecimal booked = account.hoursPerMonth().get(month - 1);
            total = total.add(booked);
            Share share = Share.of(total, cap);
            String beyond = share.beyond() ? ": " + Dutch.hours(total.subtract(cap)) + " uur boven het plafond" : "";
            bars.add(new BudgetChart.Bar(monthName(month), share.width(), Dutch.hours(booked) + " uur, samen " + Dutch.hours(total) + " van "
                    + Dutch.hours(cap) + " uur" + share.text("") + beyond, share.beyond()));
        }
        return new BudgetChart("grafiek-adviesuren", "Adviesuren in " + account.year() + ", per maand van boeking opgeteld, tegen het jaarplafond van "
                + Dutch.hours(cap) + " uur. Een volle balk is het plafond; bij 80% (" + Dutch.hours(cap.multiply(FIRST_SIGNAL))
                + " uur) en bij 100% krijgt de projectleider een signaal.",
                "Maand", "Adviesuren tot en met de maand", bars, "Het jaar " + account.year() + " is nog niet begonnen.");
    }

    /** Future months would repeat the running total and look like a quiet adviser: a year shows up to the account's day. */
    private static int monthsPassed(YearlyAccount account) {
        int today = account.preparedOn().getYear();
        return today > account.year() ? 12 : today < account.year() ? 0 : account.preparedOn().getMonthValue();
    }

    private static long used(YearlyAccount.MunicipalityMoney money) {
        return money.grantedCents() - money.refundedCents();
    }

    /** Used plus left, as the money page counts it: with carry-over a year can hold more than its own budget. */
    private static long available(YearlyAccount.MunicipalityMoney money) {
        return used(money) + money.remainingCents();
    }

    private static String monthName(int month) {
        String name = Month.of(month).getDisplayName(TextStyle.FULL_STANDALONE, Dutch.LOCALE);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /**
     * A part of a whole as a bar: {@code percent} the true share (null without a whole to measure
     * against), {@code width} that share cut to 0–100, as no bar may leave its track.
     */
    record Share(Integer percent, int width, boolean beyond) {

        static Share of(BigDecimal part, BigDecimal whole) {
            if (whole.signum() <= 0) {
                return new Share(null, part.signum() > 0 ? 100 : 0, part.signum() > 0);
            }
            int percent = part.multiply(HUNDRED).divide(whole, 0, RoundingMode.HALF_UP).intValueExact();
            return new Share(percent, Math.max(0, Math.min(100, percent)), part.compareTo(whole) > 0);
        }

        /** " (25% van het budget)", or nothing when there is no whole. */
        String text(String ofWhat) {
            return percent == null ? "" : " (" + percent + "%" + ofWhat + ")";
        }
    }
}
