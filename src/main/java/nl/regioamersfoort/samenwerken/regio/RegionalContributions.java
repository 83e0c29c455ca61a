package nl.regioamersfoort.samenwerken.regio;

import java.util.Locale;
import nl.regioamersfoort.samenwerken.gemeente.Municipalities;
import nl.regioamersfoort.samenwerken.gemeente.Municipality;
import nl.regioamersfoort.samenwerken.platform.engine.CurrentUser;
import nl.regioamersfoort.samenwerken.platform.engine.OwnedProcesses;
import nl.regioamersfoort.samenwerken.platform.form.FormInput;
import nl.regioamersfoort.samenwerken.programma.Programme;
import nl.regioamersfoort.samenwerken.programma.ProgrammeNotFoundException;
import nl.regioamersfoort.samenwerken.programma.ProgrammeStatus;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * The process glue of {@code regionale-inbreng}: the regional register of successes,
 * disappointments and experiences that every participating municipality adds to, Amersfoort
 * included. An item reaches the stuurgroep's agenda, the BOSD and the final report only as the
 * consent its wethouder gives: the agendas and reports read consents and nothing else.
 */
// Public: the process model calls it by bean name, and JUEL invokes only public classes' methods.
@Component("regionalContributions")
public class RegionalContributions {

    public static final String PROCESS_KEY = "regionale-inbreng";

    /** A municipality's own case, decided by its own wethouder: a local process, whatever it feeds. */
    @Bean
    static OwnedProcesses regionalContributionProcesses() {
        return OwnedProcesses.local(PROCESS_KEY);
    }

    private final Programmes programmes;
    private final Municipalities municipalities;

    RegionalContributions(Programmes programmes, Municipalities municipalities) {
        this.programmes = programmes;
        this.municipalities = municipalities;
    }

    /** Start listener: the case is the municipality's in the programme, under its business key. */
    public void requireOwnCase(DelegateExecution execution) {
        programmes.claimStartersCase(execution, "Inbreng voor de regio");
    }

    /** "Inbreng vastleggen": checked, and put to the municipality's wethouder as a consent to share. */
    public void register(DelegateExecution execution) {
        FormInput form = FormInput.of(execution);
        String programmeId = form.text("programmaId");
        // The municipalities table, not the form's list of options, says which municipality exists.
        Municipality municipality = municipalities.byCode(FormInput.requiredText(execution.getVariable("gemeente"), "Gemeente", 40))
                .orElseThrow(() -> FormInput.invalid("Onbekende gemeente: " + FormInput.quoted(execution.getVariable("gemeente")) + "."));
        Programme programme;
        try {
            programme = programmes.get(programmeId);
        } catch (ProgrammeNotFoundException unknown) {
            // In a form an unknown programme is bad input like any other (400), not a missing page.
            throw FormInput.invalid(unknown.getMessage());
        }
        if (programme.getStatus() != ProgrammeStatus.LOPEND) {
            throw FormInput.invalid("Het programma " + programme.getName() + " loopt niet meer: er komt geen inbreng meer bij.");
        }
        if (programme.participant(municipality.getCode()).isEmpty()) {
            throw FormInput.invalid(municipality.getName() + " doet niet mee aan " + programme.getName() + ".");
        }
        String contributor = CurrentUser.of(execution);
        if (contributor != null && !CurrentUser.isMemberOf(execution, contributor, "beleidsambtenaar-" + municipality.getCode())) {
            throw FormInput.invalid("Alleen een beleidsambtenaar van " + municipality.getName() + " deelt inbreng van deze gemeente.");
        }
        String kind = form.choice("soort");
        String label = kind.substring(0, 1).toUpperCase(Locale.ROOT) + kind.substring(1);
        execution.setVariable("inbrengOnderwerp", label + " van " + municipality.getName() + " regionaal delen");
        execution.setVariable("inbrengTekst", label + ": " + form.text("tekst"));
        form.consumed("soort", "tekst");
    }
}
