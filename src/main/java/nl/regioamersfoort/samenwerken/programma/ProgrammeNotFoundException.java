package nl.regioamersfoort.samenwerken.programma;

public class ProgrammeNotFoundException extends RuntimeException {

    ProgrammeNotFoundException(String programmeId) {
        super("Programma '" + programmeId + "' bestaat niet.");
    }
}
