package nl.regioamersfoort.samenwerken.besluit;

/**
 * What a gate decides on. The TOESTEMMING kinds are consents to share regionally.
 * INVENTARISATIE and MAATWERKPLAN are the discussions of version 1 of the local track, when a
 * discussion was still a decision; their records stay readable.
 */
public enum SubjectType {
    INVENTARISATIE,
    MAATWERKPLAN,
    VASTSTELLING,
    ACTIVITEIT,
    TOESTEMMING_MAATWERKPLAN,
    /** The inventory, so that the regional overview of (sub)topics can draw on it. */
    TOESTEMMING_INVENTARISATIE,
    TOESTEMMING_VOORTGANG,
    TOESTEMMING_SLOTEVALUATIE,
    ACTIVITEITENGELD,
    /** A success, disappointment or experience any participating municipality shares with the region. */
    TOESTEMMING_INBRENG,
    /**
     * R-02's public half, asked afterwards: the municipality's information in the final report (all it
     * shared regionally) may be made public. Its audience is public by what it asks.
     */
    TOESTEMMING_OPENBAARMAKING,
    /** The municipality leaves the programme: its own explicit decision, never a side effect of a "no". */
    DEELNAME_BEEINDIGEN;

    public boolean isConsent() {
        return name().startsWith("TOESTEMMING_");
    }
}
