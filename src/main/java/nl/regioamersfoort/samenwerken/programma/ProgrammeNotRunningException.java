package nl.regioamersfoort.samenwerken.programma;

import nl.regioamersfoort.samenwerken.platform.web.ApiRefusal;
import org.springframework.http.HttpStatus;

/** The programme has stopped or finished: there is nothing left to stop (409). */
public class ProgrammeNotRunningException extends ApiRefusal {

    ProgrammeNotRunningException() {
        super(HttpStatus.CONFLICT, "Het programma loopt niet (meer).");
    }
}
