package nl.regioamersfoort.samenwerken.programma;

/** The programme has stopped or finished: there is nothing left to stop (409). */
public class ProgrammeNotRunningException extends RuntimeException {

    ProgrammeNotRunningException(String programmeId) {
        super("Programma " + programmeId + " loopt niet (meer).");
    }
}
