package nl.regioamersfoort.samenwerken.regio;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import nl.regioamersfoort.samenwerken.besluit.Consent;
import nl.regioamersfoort.samenwerken.besluit.Decisions;
import nl.regioamersfoort.samenwerken.besluit.SubjectType;
import nl.regioamersfoort.samenwerken.gemeente.Municipalities;
import nl.regioamersfoort.samenwerken.gemeente.Municipality;
import nl.regioamersfoort.samenwerken.platform.engine.CurrentUser;
import nl.regioamersfoort.samenwerken.platform.engine.OwnedProcesses;
import nl.regioamersfoort.samenwerken.platform.form.FormInput;
import nl.regioamersfoort.samenwerken.platform.text.Dutch;
import nl.regioamersfoort.samenwerken.platform.time.EngineClock;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * The process glue of {@code regionaal-spoor} and of the regional steps of the programme: the
 * documents the stuurgroep SD prepares and the BOSD shares, and the agenda of each meeting, which
 * holds only what a wethouder consented to share.
 */
// Public: the process models call it by bean name, and JUEL invokes only public classes' methods.
@Component("regionalTrack")
public class RegionalTrackProcess {

    public static final String PROCESS_KEY = "regionaal-spoor";

    /** The process definitions this feature owns. */
    @Bean
    static OwnedProcesses regionalProcesses() {
        return OwnedProcesses.regional(PROCESS_KEY);
    }

    private final RegionalDocumentRepository documents;
    private final RegionalAgendaItemRepository agendaItems;
    private final Decisions decisions;
    private final Programmes programmes;
    private final Municipalities municipalities;

    RegionalTrackProcess(RegionalDocumentRepository documents, RegionalAgendaItemRepository agendaItems, Decisions decisions,
            Programmes programmes, Municipalities municipalities) {
        this.documents = documents;
        this.agendaItems = agendaItems;
        this.decisions = decisions;
        this.programmes = programmes;
        this.municipalities = municipalities;
    }

    /** Task created: the form shows the latest written version, for a second round. */
    public void prefill(DelegateTask task, String kind, String key) {
        task.getExecution().setVariable(key, latest(task, kind, RegionalDocument.WRITTEN));
    }

    /** Task completed: the text becomes a new version of the document. */
    public void write(DelegateTask task, String kind, String key) {
        FormInput form = FormInput.of(task);
        String text = form.text(key);
        documents.save(new RegionalDocument(programmeId(task), kind, RegionalDocument.WRITTEN, text, CurrentUser.of(task), EngineClock.now()));
        form.consumed(key);
    }

    /**
     * Instances of models deployed before the forms held the rules still call this with a label and
     * a limit of their own; the form of their deployment decides now.
     */
    public void write(DelegateTask task, String kind, String key, String label, int maxLength) {
        write(task, kind, key);
    }

    /** Task created: the stuurgroep or BOSD reads the document (under {@code key}) and writes its minutes. */
    public void present(DelegateTask task, String kind, String key) {
        task.setVariableLocal(key, latest(task, kind, RegionalDocument.WRITTEN));
    }

    public void minutes(DelegateTask task, String kind, String step) {
        FormInput form = FormInput.of(task);
        String text = form.text("verslag");
        documents.save(new RegionalDocument(programmeId(task), kind, step, text, CurrentUser.of(task), EngineClock.now()));
        form.consumed("verslag");
    }

    /** The collection of the meeting loop: the meeting calendar of the programme. */
    public List<Date> meetingDates(String programmeId) {
        return programmes.get(programmeId).getCalendar().meetings().stream().map(EngineClock::morningOf).toList();
    }

    /**
     * A meeting task is created on the meeting day: every consent not yet on an agenda goes on this
     * one. Nothing without consent can get here: the agenda reads consents only.
     */
    public void composeAgenda(DelegateTask task) {
        String programmeId = programmeId(task);
        LocalDate meeting = ((Date) task.getExecution().getVariable("vergadering")).toInstant().atZone(EngineClock.ZONE).toLocalDate();
        for (Consent consent : decisions.consents(programmeId)) {
            if (!agendaItems.existsByConsentId(consent.getId())) {
                agendaItems.save(new RegionalAgendaItem(programmeId, meeting, consent.getId(), consent.getMunicipalityCode(),
                        consent.getSharedText()));
            }
        }
        List<RegionalAgendaItem> items = agendaItems.findByProgrammeIdAndMeetingDateOrderByIdAsc(programmeId, meeting);
        task.setVariableLocal("vergaderdatum", Dutch.date(meeting));
        task.setVariableLocal("agenda", items.isEmpty() ? "Geen nieuwe gedeelde resultaten sinds de vorige vergadering."
                : items.stream().map(item -> "- " + name(item.getMunicipalityCode()) + ": " + item.getText())
                        .collect(Collectors.joining("\n")));
    }

    public void meetingMinutes(DelegateTask task) {
        minutes(task, "VERGADERING", String.valueOf(task.getVariableLocal("vergaderdatum")));
    }

    /** "Eindrapportage opstellen" created: the consented closing evaluations, and the draft so far. */
    public void finalReportInput(DelegateTask task) {
        String programmeId = programmeId(task);
        List<Consent> evaluations = decisions.consents(programmeId, SubjectType.TOESTEMMING_SLOTEVALUATIE);
        task.setVariableLocal("inbreng", evaluations.isEmpty() ? "Nog geen gedeelde slotevaluaties."
                : evaluations.stream().map(c -> "- " + name(c.getMunicipalityCode()) + ": " + c.getSharedText())
                        .collect(Collectors.joining("\n")));
        task.getExecution().setVariable("concept", latest(task, "EINDRAPPORTAGE", RegionalDocument.WRITTEN));
    }

    private String latest(DelegateTask task, String kind, String step) {
        return documents.findFirstByProgrammeIdAndKindAndStepOrderByIdDesc(programmeId(task), kind, step)
                .map(RegionalDocument::getContent).orElse(null);
    }

    private String name(String code) {
        return municipalities.byCode(code).map(Municipality::getName).orElse(code);
    }

    private static String programmeId(DelegateTask task) {
        return (String) task.getExecution().getVariable("programmaId");
    }
}
