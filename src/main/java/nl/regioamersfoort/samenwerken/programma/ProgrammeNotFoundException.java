package nl.regioamersfoort.samenwerken.programma;

import nl.regioamersfoort.samenwerken.engine.FormInput;

/** An unknown programme, or one the person takes no part in: the same answer, so it tells nobody what exists. */
public class ProgrammeNotFoundException extends RuntimeException {

    ProgrammeNotFoundException(String programmeId) {
        super("Programma " + FormInput.quoted(programmeId) + " bestaat niet, of u heeft er geen inzage in.");
    }
}
