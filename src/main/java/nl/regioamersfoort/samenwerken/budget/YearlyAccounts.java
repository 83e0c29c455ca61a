package nl.regioamersfoort.samenwerken.budget;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.regioamersfoort.samenwerken.gemeente.Municipalities;
import nl.regioamersfoort.samenwerken.gemeente.Municipality;
import nl.regioamersfoort.samenwerken.platform.form.FormInput;
import nl.regioamersfoort.samenwerken.platform.time.EngineClock;
import nl.regioamersfoort.samenwerken.programma.Participant;
import nl.regioamersfoort.samenwerken.programma.Programme;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds the yearly account from the ledger, so it always equals the sum of the entries. */
@Service
@Transactional(readOnly = true)
public class YearlyAccounts {

    private final LedgerRepository ledger;
    private final Programmes programmes;
    private final Municipalities municipalities;
    private final ActivityMoney activityMoney;

    YearlyAccounts(LedgerRepository ledger, Programmes programmes, Municipalities municipalities, ActivityMoney activityMoney) {
        this.ledger = ledger;
        this.programmes = programmes;
        this.municipalities = municipalities;
        this.activityMoney = activityMoney;
    }

    public YearlyAccount of(String programmeId, int year) {
        Programme programme = programmes.get(programmeId);
        if (year < programme.getStart().getYear() || year > programme.getEnd().getYear()) {
            throw FormInput.invalid("Het programma liep niet in " + year + ".");
        }
        List<LedgerEntry> entries = ledger.findByProgrammeIdAndYearOrderByIdAsc(programmeId, year);
        List<YearlyAccount.MunicipalityMoney> money = new ArrayList<>();
        for (Participant participant : programme.getParticipants()) {
            Municipality municipality = municipalities.byCode(participant.getMunicipalityCode()).orElseThrow();
            if (!municipality.isFunded()) {
                continue;
            }
            long granted = sum(entries, municipality.getCode(), LedgerKind.TOEKENNING);
            long refunded = -sum(entries, municipality.getCode(), LedgerKind.TERUGBETALING);
            money.add(new YearlyAccount.MunicipalityMoney(municipality.getCode(), municipality.getName(), programme.getActivityMoneyCents(),
                    granted, refunded, activityMoney.remainingCents(programme, municipality.getCode(), year)));
        }
        List<YearlyAccount.GrantedActivity> activities = entries.stream().filter(e -> e.getKind() == LedgerKind.TOEKENNING)
                .map(e -> new YearlyAccount.GrantedActivity(name(e.getMunicipalityCode()), e.getDescription(), labels(e.getTargetGroups()),
                        e.getAmountCents(), e.getBookedAt().toLocalDate()))
                .toList();
        Map<String, BigDecimal> hours = new LinkedHashMap<>();
        BigDecimal[] perMonth = new BigDecimal[12];
        Arrays.fill(perMonth, BigDecimal.ZERO);
        for (LedgerEntry entry : entries) {
            if (entry.getKind() == LedgerKind.UREN) {
                hours.merge(entry.getMunicipalityCode() == null ? "Regionaal" : name(entry.getMunicipalityCode()), entry.getHours(), BigDecimal::add);
                int month = month(entry, year) - 1;
                perMonth[month] = perMonth[month].add(entry.getHours());
            }
        }
        return new YearlyAccount(programme.getName(), year, EngineClock.today(), programme.getMinistryBudgetCents(), money, activities,
                hours.entrySet().stream().map(h -> new YearlyAccount.AdviserHours(h.getKey(), h.getValue())).toList(),
                programme.getAdviserHoursCap(), Arrays.asList(perMonth));
    }

    /**
     * Hours approved beyond the cap go into the ledger when the projectleider decides, which can be
     * early in the next year; they still count for their own year, so they close its December.
     */
    private static int month(LedgerEntry entry, int year) {
        int bookedIn = entry.getBookedAt().getYear();
        return bookedIn > year ? 12 : bookedIn < year ? 1 : entry.getBookedAt().getMonthValue();
    }

    private static long sum(List<LedgerEntry> entries, String municipality, LedgerKind kind) {
        return entries.stream().filter(e -> e.getKind() == kind && municipality.equals(e.getMunicipalityCode()))
                .mapToLong(LedgerEntry::getAmountCents).sum();
    }

    private String name(String code) {
        return code == null ? "Regionaal" : municipalities.byCode(code).map(Municipality::getName).orElse(code);
    }

    private static List<String> labels(String targetGroups) {
        return targetGroups == null ? List.of() : Arrays.stream(targetGroups.split(",")).map(TargetGroup::valueOf).map(TargetGroup::label).toList();
    }
}
