package nl.regioamersfoort.samenwerken.programma;

import nl.regioamersfoort.samenwerken.platform.web.ApiRefusal;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.springframework.http.HttpStatus;

/** The programme has stopped or finished: there is nothing left to stop (409). */
public class ProgrammeNotRunningException extends ApiRefusal {

    ProgrammeNotRunningException() {
        super(HttpStatus.CONFLICT, "Het programma loopt niet (meer).");
    }

    /** Delivers a message to a programme; one that no longer waits for it has stopped or finished. */
    static void correlate(MessageCorrelationBuilder message) {
        try {
            message.correlateWithResult();
        } catch (MismatchingMessageCorrelationException notWaiting) {
            throw new ProgrammeNotRunningException();
        }
    }
}
