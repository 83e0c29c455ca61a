package nl.regioamersfoort.samenwerken.budget;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The yearly account (verantwoording) to the ministry of OCW for one programme year: the money per
 * municipality, the activities with their target groups, and the adviser's hours. Amounts in euro
 * cents, hours exact.
 */
public record YearlyAccount(String programmeName, int year, LocalDate preparedOn, long ministryBudgetCents,
        List<MunicipalityMoney> money, List<GrantedActivity> activities, List<AdviserHours> hours, BigDecimal hoursCap) {

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
