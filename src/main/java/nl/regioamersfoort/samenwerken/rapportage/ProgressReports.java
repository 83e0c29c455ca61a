package nl.regioamersfoort.samenwerken.rapportage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import nl.regioamersfoort.samenwerken.besluit.Consent;
import nl.regioamersfoort.samenwerken.besluit.Decisions;
import nl.regioamersfoort.samenwerken.budget.YearlyAccount;
import nl.regioamersfoort.samenwerken.budget.YearlyAccounts;
import nl.regioamersfoort.samenwerken.gemeente.Municipalities;
import nl.regioamersfoort.samenwerken.gemeente.Municipality;
import nl.regioamersfoort.samenwerken.platform.form.FormInput;
import nl.regioamersfoort.samenwerken.platform.text.Dutch;
import nl.regioamersfoort.samenwerken.platform.time.EngineClock;
import nl.regioamersfoort.samenwerken.programma.Participant;
import nl.regioamersfoort.samenwerken.programma.Programme;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import nl.regioamersfoort.samenwerken.regio.RegionalDocument;
import nl.regioamersfoort.samenwerken.regio.RegionalDocuments;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The progress report (voortgangsrapportage) for a stuurgroep or BOSD meeting, and the draft final
 * report (eindrapportage) at the end of a period. Local information comes from consents only, so a
 * report holds exactly what the wethouders agreed to share, whoever prints it; of where a
 * municipality stands (phase, deadlines, overdue tasks) nothing, as nobody consents to share that.
 */
@Service
@Transactional(readOnly = true)
class ProgressReports {

    private final Programmes programmes;
    private final Municipalities municipalities;
    private final Decisions decisions;
    private final YearlyAccounts accounts;
    private final RegionalDocuments documents;
    private final Dashboard dashboard;

    ProgressReports(Programmes programmes, Municipalities municipalities, Decisions decisions, YearlyAccounts accounts,
            RegionalDocuments documents, Dashboard dashboard) {
        this.programmes = programmes;
        this.municipalities = municipalities;
        this.decisions = decisions;
        this.accounts = accounts;
        this.documents = documents;
        this.dashboard = dashboard;
    }

    record Report(String title, String programmeId, String programmeName, boolean finalReport, String meeting, String since,
            String preparedOn, List<Section> municipalities, List<Item> newSinceLastMeeting, List<Overdue> overdue,
            List<Money> money, List<String> hours, List<Item> regionalDocuments) {
    }

    record Section(String municipality, List<Item> items) {
    }

    record Item(String kind, String municipality, String text, String date, boolean isNew) {
    }

    record Overdue(String where, long tasks) {
    }

    record Money(String year, String municipality, String budget, String used, String remaining) {
    }

    /** For the meeting on {@code meeting} (null: the next one); "new" is what was consented since the meeting before it. */
    Report progress(String programmeId, LocalDate meeting) {
        Programme programme = programmes.get(programmeId);
        LocalDate day = meeting != null ? meeting : programme.getCalendar().meetings().stream()
                .filter(d -> !d.isBefore(EngineClock.today())).findFirst().orElse(EngineClock.today());
        if (day.isBefore(programme.getStart()) || day.isAfter(programme.getEnd().plusMonths(6))) {
            throw FormInput.invalid("De vergaderdatum " + Labels.day(day) + " valt buiten de looptijd van het programma.");
        }
        LocalDate since = programme.getCalendar().meetings().stream().filter(d -> d.isBefore(day)).max(Comparator.naturalOrder())
                .orElse(programme.getStart());
        List<Integer> years = List.of(Dashboard.yearWithin(programme, day));
        return report(programme, false, "Voortgangsrapportage " + programme.getName() + " – vergadering van " + Labels.day(day), day, since, years);
    }

    /** The draft of the final report: everything shared over the whole period, and the money of every year. */
    Report finalDraft(String programmeId) {
        Programme programme = programmes.get(programmeId);
        List<Integer> years = new ArrayList<>();
        for (int year = programme.getStart().getYear(); year <= programme.getEnd().getYear(); year++) {
            years.add(year);
        }
        LocalDate day = EngineClock.today();
        return report(programme, true, "Concept-eindrapportage " + programme.getName(), day, programme.getStart(), years);
    }

    private Report report(Programme programme, boolean finalReport, String title, LocalDate day, LocalDate since, List<Integer> years) {
        List<Consent> consents = decisions.consents(programme.getId()).stream()
                .filter(c -> !c.getConsentedAt().toLocalDate().isAfter(day))
                .toList();
        List<Section> sections = new ArrayList<>();
        List<Overdue> overdue = new ArrayList<>();
        for (Participant participant : programme.getParticipants()) {
            String code = participant.getMunicipalityCode();
            String name = name(code);
            List<Item> items = consents.stream().filter(c -> c.getMunicipalityCode().equals(code)).map(c -> item(c, since)).toList();
            sections.add(new Section(name, items));
        }
        // A municipality's overdue tasks are its local status, which no wethouder consented to share: only the region's.
        overdue.add(new Overdue("Regionaal spoor", dashboard.overdue(programme.getId() + "-regio")));
        List<Item> fresh = consents.stream().filter(c -> c.getConsentedAt().toLocalDate().isAfter(since)).map(c -> item(c, since)).toList();
        List<Money> money = new ArrayList<>();
        List<String> hours = new ArrayList<>();
        for (int year : years) {
            YearlyAccount account = accounts.of(programme.getId(), year);
            for (YearlyAccount.MunicipalityMoney m : account.money()) {
                money.add(new Money(String.valueOf(year), m.municipalityName(), Dutch.euros(m.budgetCents()),
                        Dutch.euros(m.grantedCents() - m.refundedCents()), Dutch.euros(m.remainingCents())));
            }
            hours.add(year + ": " + Dutch.hours(account.hours().stream().map(YearlyAccount.AdviserHours::hours)
                    .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add)) + " van " + Dutch.hours(account.hoursCap()) + " uur");
        }
        List<Item> regional = documents.of(programme.getId()).stream()
                .filter(d -> d.getStep().equals("OPGESTELD"))
                .collect(java.util.stream.Collectors.toMap(RegionalDocument::getKind, d -> d, (a, b) -> b, java.util.LinkedHashMap::new))
                .values().stream()
                .map(d -> new Item(Labels.document(d.getKind()), "Regionaal", d.getContent(), Labels.day(d.getWrittenAt().toLocalDate()), false))
                .toList();
        return new Report(title, programme.getId(), programme.getName(), finalReport, Labels.day(day), Labels.day(since),
                Labels.day(EngineClock.today()), sections, fresh, overdue, money, hours, regional);
    }

    private Item item(Consent consent, LocalDate since) {
        return new Item(Labels.subject(consent.getSubjectType()).replace(" delen", ""), name(consent.getMunicipalityCode()), consent.getSharedText(),
                Labels.day(consent.getConsentedAt().toLocalDate()), consent.getConsentedAt().toLocalDate().isAfter(since));
    }

    private String name(String code) {
        return municipalities.byCode(code).map(Municipality::getName).orElse(code);
    }
}
