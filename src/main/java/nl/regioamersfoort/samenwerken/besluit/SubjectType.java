package nl.regioamersfoort.samenwerken.besluit;

/** What a gate decides on. The TOESTEMMING kinds are consents to share regionally. */
public enum SubjectType {
    INVENTARISATIE,
    MAATWERKPLAN,
    VASTSTELLING,
    ACTIVITEIT,
    TOESTEMMING_MAATWERKPLAN,
    TOESTEMMING_VOORTGANG,
    TOESTEMMING_SLOTEVALUATIE,
    ACTIVITEITENGELD;

    public boolean isConsent() {
        return name().startsWith("TOESTEMMING_");
    }
}
