package nl.regioamersfoort.samenwerken.programma;

/** A programme request that cannot be carried out; the message is Dutch and meant for the person who sent it. */
public class InvalidProgrammeException extends RuntimeException {

    InvalidProgrammeException(String dutchMessage) {
        super(dutchMessage);
    }
}
