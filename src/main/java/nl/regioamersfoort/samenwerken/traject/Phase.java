package nl.regioamersfoort.samenwerken.traject;

/** Where a local track stands (L1-L3 of seed 000 §6, then the closing steps). */
public enum Phase {
    INVENTARISATIE,
    MAATWERKPLAN,
    UITVOERING,
    SLOTEVALUATIE,
    AFGEROND,
    GESTOPT
}
