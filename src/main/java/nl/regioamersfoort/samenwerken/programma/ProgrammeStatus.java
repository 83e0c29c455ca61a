package nl.regioamersfoort.samenwerken.programma;

public enum ProgrammeStatus {
    LOPEND,
    GESTOPT,
    AFGEROND
}
