package nl.regioamersfoort.samenwerken.budget;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import nl.regioamersfoort.samenwerken.gemeente.Municipalities;
import nl.regioamersfoort.samenwerken.gemeente.Municipality;
import nl.regioamersfoort.samenwerken.platform.engine.CurrentUser;
import nl.regioamersfoort.samenwerken.platform.form.FormInput;
import nl.regioamersfoort.samenwerken.platform.text.Dutch;
import nl.regioamersfoort.samenwerken.platform.time.EngineClock;
import nl.regioamersfoort.samenwerken.programma.Programme;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The adviser (Art. 1 MN) books hours per municipality or for regional tasks. Within the yearly
 * cap a booking goes straight into the ledger; beyond it, the projectleider approves it first
 * ({@code uren-boven-plafond}). Reaching 80% and 100% of the cap signals the projectleider
 * ({@code urensignaal}).
 */
// Public: the process models call it by bean name, and JUEL invokes only public classes' methods.
@Component("adviserHours")
public class AdviserHours {

    static final String APPROVAL_PROCESS = "uren-boven-plafond";
    static final String SIGNAL_PROCESS = "urensignaal";
    private static final int[] THRESHOLDS = {100, 80};

    private final LedgerRepository ledger;
    private final Programmes programmes;
    private final Municipalities municipalities;
    private final RuntimeService runtimeService;

    AdviserHours(LedgerRepository ledger, Programmes programmes, Municipalities municipalities, RuntimeService runtimeService) {
        this.ledger = ledger;
        this.programmes = programmes;
        this.municipalities = municipalities;
        this.runtimeService = runtimeService;
    }

    /** A checked booking, not yet in the ledger. */
    record Booking(String programmeId, String municipalityCode, BigDecimal hours, LocalDate day, String description) {
    }

    /** Either the booked entry, or the approval process that a booking beyond the cap waits in. */
    record Outcome(LedgerEntry entry, String approvalProcessInstanceId) {
    }

    /**
     * Books the hours, or, when they would take the year beyond the cap, asks the projectleider.
     * The programme row is locked so two bookings at once cannot both slip under the cap.
     */
    @Transactional
    public Outcome book(String programmeId, String municipalityCode, Object hours, LocalDate day, String description, String bookedBy) {
        Booking booking = read(programmeId, municipalityCode, hours, day, description);
        Programme programme = programmes.locked(programmeId);
        BigDecimal booked = ledger.hours(programmeId, day.getYear());
        if (booked.add(booking.hours()).compareTo(programme.getAdviserHoursCap()) > 0) {
            return new Outcome(null, askApproval(programme, booking, booked, bookedBy));
        }
        return new Outcome(save(programme, booking, null, bookedBy), null);
    }

    /** Task "Uren boven het plafond beoordelen": the projectleider's choice and why. */
    public void review(DelegateTask task) {
        FormInput input = FormInput.of(task);
        String choice = input.choice("beoordeling");
        String motivation = input.text("motivatie");
        task.getExecution().setVariable("goedgekeurd", choice.equals("goedkeuren"));
        task.getExecution().setVariable("beoordeeldDoor", CurrentUser.of(task));
        task.getExecution().setVariable("motivatie", motivation);
        input.consumed("beoordeling");
    }

    /** "Uren boeken" after the projectleider approved hours beyond the cap. */
    public void bookApproved(DelegateExecution execution) {
        Programme programme = programmes.locked((String) execution.getVariable("programmaId"));
        Booking booking = new Booking(programme.getId(), (String) execution.getVariable("gemeente"),
                new BigDecimal((String) execution.getVariable("uren")), LocalDate.parse((String) execution.getVariable("datum")),
                (String) execution.getVariable("omschrijving"));
        String reason = "Boven het plafond goedgekeurd door " + execution.getVariable("beoordeeldDoor") + ": " + execution.getVariable("motivatie");
        LedgerEntry entry = save(programme, booking, reason, (String) execution.getVariable("geboektDoor"));
        execution.setVariable("boekingId", entry.getId());
    }

    Booking read(String programmeId, String municipalityCode, Object hours, LocalDate day, String description) {
        Programme programme = programmes.get(programmeId);
        String code = municipalityCode == null || municipalityCode.isBlank() ? null : municipalityCode;
        if (code != null) {
            Municipality municipality = municipalities.byCode(code)
                    .orElseThrow(() -> FormInput.invalid("Onbekende gemeente: " + FormInput.quoted(municipalityCode) + "."));
            if (programme.participant(municipality.getCode()).isEmpty()) {
                throw FormInput.invalid(municipality.getName() + " doet niet mee aan dit programma.");
            }
            // The adviser's hours are the funded support of a local track (seed 000 §5); a municipality that takes
            // part regionally only has none, and what the adviser does with it is regional work.
            if (!municipality.isFunded()) {
                throw FormInput.invalid(municipality.getName() + " neemt alleen regionaal deel en krijgt geen ondersteuning van de"
                        + " adviseur; boek dit werk als regionaal werk, zonder gemeente.");
            }
        }
        if (day == null) {
            throw FormInput.invalid("Geef de datum van het werk.");
        }
        if (day.getYear() != EngineClock.today().getYear() || day.isAfter(EngineClock.today())) {
            throw FormInput.invalid("Uren worden geboekt in het lopende jaar en niet vooruit; " + day.getYear() + " is afgesloten of nog niet begonnen.");
        }
        if (day.isBefore(programme.getStart()) || day.isAfter(programme.getEnd())) {
            throw FormInput.invalid("De datum valt buiten de looptijd van het programma.");
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(String.valueOf(hours).strip().replace(",", "."));
        } catch (NumberFormatException e) {
            throw FormInput.invalid(FormInput.quoted(hours) + " is geen aantal uren. Schrijf bijvoorbeeld 2,5.");
        }
        if (amount.signum() <= 0 || amount.scale() > 2 || amount.compareTo(new BigDecimal("24")) > 0) {
            throw FormInput.invalid("Boek per keer meer dan 0 en hoogstens 24 uur, met hoogstens twee decimalen.");
        }
        if (description == null || description.isBlank() || description.length() > 500) {
            throw FormInput.invalid("Omschrijf het werk in hoogstens 500 tekens.");
        }
        return new Booking(programme.getId(), code, amount, day, description.strip());
    }

    private String askApproval(Programme programme, Booking booking, BigDecimal booked, String bookedBy) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("programmaId", programme.getId());
        variables.put("gemeente", booking.municipalityCode());
        variables.put("uren", booking.hours().toPlainString());
        variables.put("datum", booking.day().toString());
        variables.put("omschrijving", booking.description());
        variables.put("geboektDoor", bookedBy);
        variables.put("boekingOnderwerp", Dutch.hours(booking.hours()) + " uur op " + Dutch.date(booking.day()) + " voor "
                + municipalityName(booking.municipalityCode()) + ": " + booking.description());
        variables.put("urenStand", "Al geboekt in " + booking.day().getYear() + ": " + Dutch.hours(booked) + " van " + Dutch.hours(programme.getAdviserHoursCap())
                + " uur; met deze boeking " + Dutch.hours(booked.add(booking.hours())) + " uur.");
        return runtimeService.startProcessInstanceByKey(APPROVAL_PROCESS, programme.getId() + "-uren-" + booking.day().getYear(), variables)
                .getId();
    }

    private LedgerEntry save(Programme programme, Booking booking, String reason, String bookedBy) {
        int year = booking.day().getYear();
        BigDecimal before = ledger.hours(programme.getId(), year);
        LedgerEntry entry = ledger.save(LedgerEntry.hours(programme.getId(), year, booking.municipalityCode(), booking.hours(),
                booking.description(), reason, bookedBy, EngineClock.now()));
        BigDecimal after = before.add(booking.hours());
        BigDecimal cap = programme.getAdviserHoursCap();
        for (int threshold : THRESHOLDS) {
            BigDecimal mark = cap.multiply(BigDecimal.valueOf(threshold)).divide(BigDecimal.valueOf(100));
            if (before.compareTo(mark) < 0 && after.compareTo(mark) >= 0) {
                signal(programme, year, threshold, after);
                break;
            }
        }
        return entry;
    }

    /** Started in the booking's transaction: the signal goes out if and only if the hours are booked. */
    private void signal(Programme programme, int year, int threshold, BigDecimal booked) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("programmaId", programme.getId());
        variables.put("jaar", year);
        variables.put("drempel", threshold);
        variables.put("geboekt", booked.toPlainString());
        variables.put("plafond", programme.getAdviserHoursCap().toPlainString());
        runtimeService.startProcessInstanceByKey(SIGNAL_PROCESS, programme.getId() + "-uren-" + year, variables);
    }

    private String municipalityName(String code) {
        return code == null ? "regionale taken" : municipalities.byCode(code).map(Municipality::getName).orElse(code);
    }
}
