package nl.regioamersfoort.samenwerken.traject;

public enum ActivityStatus {
    /** In the plan, waiting for the wethouder's decision. */
    VOORGESTELD,
    GOEDGEKEURD,
    AFGEWEZEN,
    UITGEVOERD,
    /** Approved, and it did not go ahead; the reason is its result. */
    NIET_DOORGEGAAN,
    /** Taken out of the plan before it was carried out (before a decision, or in a plan revised after "bijsturen"). */
    VERVALLEN
}
