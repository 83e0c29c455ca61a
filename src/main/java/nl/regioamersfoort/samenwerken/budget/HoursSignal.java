package nl.regioamersfoort.samenwerken.budget;

import java.math.BigDecimal;
import java.util.List;
import nl.regioamersfoort.samenwerken.platform.mail.MailDelivery;
import nl.regioamersfoort.samenwerken.platform.mail.MailKind;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import nl.regioamersfoort.samenwerken.security.Roles;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** The process glue of {@code urensignaal}: who hears that the adviser's hours reached a threshold, and the mail. */
// Public: the process model calls it by bean name, and JUEL invokes only public classes' methods.
@Component("hoursSignal")
public class HoursSignal {

    private final IdentityService identityService;
    private final HoursSignalMail composer;
    private final MailDelivery delivery;
    private final Programmes programmes;

    HoursSignal(IdentityService identityService, HoursSignalMail composer, MailDelivery delivery, Programmes programmes) {
        this.identityService = identityService;
        this.composer = composer;
        this.delivery = delivery;
        this.programmes = programmes;
    }

    public List<String> recipients() {
        return identityService.createUserQuery().memberOfGroup(Roles.PROJECTLEIDER).list().stream().map(User::getId).toList();
    }

    /** One mail to one projectleider ({@code ontvanger}); an SMTP failure fails the job, which retries. */
    public void send(DelegateExecution execution) {
        String programmeId = (String) execution.getVariable("programmaId");
        int year = ((Number) execution.getVariable("jaar")).intValue();
        int threshold = ((Number) execution.getVariable("drempel")).intValue();
        BigDecimal booked = new BigDecimal((String) execution.getVariable("geboekt"));
        BigDecimal cap = new BigDecimal((String) execution.getVariable("plafond"));
        String programmeName = programmes.get(programmeId).getName();
        delivery.deliver(execution.getProcessInstanceId(), "Adviesuren " + year + " (" + threshold + "%)", MailKind.URENSIGNAAL,
                (String) execution.getVariable("ontvanger"),
                name -> composer.compose(name, programmeId, programmeName, year, threshold, booked, cap));
    }
}
