package nl.regioamersfoort.samenwerken.budget;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The yearly account (verantwoording) to the ministry of OCW for one programme year: the money per
 * municipality, the activities with their target groups, and the adviser's hours. Amounts in euro
 * cents, hours exact. {@code hoursPerMonth} holds twelve totals, January first, by the month the
 * hours went into the ledger: the ledger keeps when hours were booked, not the day of the work.
 */
public record YearlyAccount(String programmeName, int year, LocalDate preparedOn, long ministryBudgetCents,
        List<MunicipalityMoney> money, List<GrantedActivity> activities, List<AdviserHours> hours, BigDecimal hoursCap,
        List<BigDecimal> hoursPerMonth) {

    public YearlyAccount {
        if (hoursPerMonth.size() != 12) {
            throw new IllegalArgumentException("Twelve months of hours, not " + hoursPerMonth.size());
        }
        hoursPerMonth = List.copyOf(hoursPerMonth);
    }

    /** Budget, granted, refunded and remaining activity money of one funded municipality in the year. */
    public record MunicipalityMoney(String municipalityCode, String municipalityName, long budgetCents, long grantedCents,
            long refundedCents, long remainingCents) {
    }

    /** A granted activity: what, for which target groups (Dutch labels), how much. */
    public record GrantedActivity(String municipalityName, String activity, List<String> targetGroups, long amountCents,
            LocalDate grantedOn) {
    }

    /** Hours the adviser booked for a municipality, or for regional tasks (municipalityName "Regionaal"). */
    public record AdviserHours(String municipalityName, BigDecimal hours) {
    }
}
