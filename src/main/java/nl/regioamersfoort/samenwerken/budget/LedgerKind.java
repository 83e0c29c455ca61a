package nl.regioamersfoort.samenwerken.budget;

public enum LedgerKind {
    TOEKENNING,
    TERUGBETALING,
    UREN
}
