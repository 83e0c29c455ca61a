package nl.regioamersfoort.samenwerken.traject;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.regioamersfoort.samenwerken.besluit.Decision;
import nl.regioamersfoort.samenwerken.besluit.Decisions;
import nl.regioamersfoort.samenwerken.besluit.SubjectType;
import nl.regioamersfoort.samenwerken.platform.mail.ComposedMail;
import nl.regioamersfoort.samenwerken.platform.mail.MailDelivery;
import nl.regioamersfoort.samenwerken.platform.mail.MailKind;
import nl.regioamersfoort.samenwerken.platform.mail.MailTemplates;
import nl.regioamersfoort.samenwerken.platform.text.Dutch;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import nl.regioamersfoort.samenwerken.security.Roles;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;

/**
 * A municipality that leaves the programme does so by its wethouder's decision, and the
 * projectleider and the stuurgroep hear of it: one mail per person, each its own engine job
 * ("Vertrek melden"), so a mail outage loses nothing and nobody gets it twice.
 */
// Public: the process model calls it by bean name, and JUEL invokes only public classes' methods.
@Component("leavingReport")
public class LeavingReport {

    private static final String TEMPLATE = "deelname-beeindigd";

    private final IdentityService identityService;
    private final MailDelivery delivery;
    private final MailTemplates templates;
    private final Decisions decisions;
    private final Programmes programmes;

    LeavingReport(IdentityService identityService, MailDelivery delivery, MailTemplates templates, Decisions decisions,
            Programmes programmes) {
        this.identityService = identityService;
        this.delivery = delivery;
        this.templates = templates;
        this.decisions = decisions;
        this.programmes = programmes;
    }

    /** The projectleiders and the members of the stuurgroep, each once. */
    public List<String> recipients() {
        Set<String> people = new LinkedHashSet<>();
        for (String group : List.of(Roles.PROJECTLEIDER, Roles.STUURGROEP_SD)) {
            identityService.createUserQuery().memberOfGroup(group).list().stream().map(User::getId).forEach(people::add);
        }
        return List.copyOf(people);
    }

    /** One mail to one person ({@code ontvanger}); an SMTP failure fails the job, which retries. */
    public void send(DelegateExecution execution) {
        String trackId = (String) execution.getVariable("trajectId");
        String municipality = (String) execution.getVariable("gemeenteNaam");
        String programmeName = programmes.get((String) execution.getVariable("programmaId")).getName();
        Decision decision = decisions.latest(SubjectType.DEELNAME_BEEINDIGEN, trackId)
                .orElseThrow(() -> new IllegalStateException("Track " + trackId + " stops without a decision to leave"));
        delivery.deliver(execution.getProcessInstanceId(), "Deelname " + municipality + " beëindigd", MailKind.DEELNAME_BEEINDIGD,
                (String) execution.getVariable("ontvanger"), name -> compose(name, municipality, programmeName, decision));
    }

    ComposedMail compose(String recipientName, String municipality, String programmeName, Decision decision) {
        String subject = municipality + " stopt met " + programmeName;
        Context context = MailTemplates.context();
        context.setVariable("subject", subject);
        context.setVariable("recipientName", recipientName);
        context.setVariable("municipality", municipality);
        context.setVariable("programmeName", programmeName);
        context.setVariable("decidedOn", Dutch.date(decision.getDecidedAt().toLocalDate()));
        context.setVariable("decidedBy", decision.getDecidedBy());
        context.setVariable("motivation", decision.getMotivation());
        context.setVariable("proposal", decision.getProposal());
        return templates.compose(subject, TEMPLATE, context, null);
    }
}
