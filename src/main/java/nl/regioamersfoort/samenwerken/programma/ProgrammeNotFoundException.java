package nl.regioamersfoort.samenwerken.programma;

import nl.regioamersfoort.samenwerken.engine.FormInput;

public class ProgrammeNotFoundException extends RuntimeException {

    ProgrammeNotFoundException(String programmeId) {
        super("Programma " + FormInput.quoted(programmeId) + " bestaat niet.");
    }
}
