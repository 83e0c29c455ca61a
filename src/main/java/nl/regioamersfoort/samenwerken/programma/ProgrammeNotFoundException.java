package nl.regioamersfoort.samenwerken.programma;

import nl.regioamersfoort.samenwerken.platform.form.FormInput;
import nl.regioamersfoort.samenwerken.platform.web.ApiRefusal;
import org.springframework.http.HttpStatus;

/** An unknown programme, or one the person takes no part in: the same answer, so it tells nobody what exists. */
public class ProgrammeNotFoundException extends ApiRefusal {

    ProgrammeNotFoundException(String programmeId) {
        super(HttpStatus.NOT_FOUND, "Programma " + FormInput.quoted(programmeId) + " bestaat niet, of u heeft er geen inzage in.");
    }
}
