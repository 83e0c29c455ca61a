package nl.regioamersfoort.samenwerken.security;

import java.util.List;

/** The Camunda groups (roles) of Samenwerken: the roles of design §3, per municipality where the role is local. */
public final class Roles {

    public static final String PROJECTLEIDER = "projectleider";
    public static final String ADVISEUR = "adviseur";
    public static final String STUURGROEP_SD = "stuurgroep-sd";
    public static final String BOSD = "bosd";
    public static final String BEHEER = "beheer";

    /** Regional groups with their Dutch display names. */
    static final List<GroupDefinition> REGIONAL = List.of(
            new GroupDefinition(PROJECTLEIDER, "Projectleider"),
            new GroupDefinition(ADVISEUR, "Adviseur (Art. 1 MN)"),
            new GroupDefinition(STUURGROEP_SD, "Stuurgroep Sociaal Domein"),
            new GroupDefinition(BOSD, "Bestuurlijk Overleg Sociaal Domein"),
            new GroupDefinition(BEHEER, "Beheer"));

    private Roles() {
    }

    public static String wethouder(String municipalityCode) {
        return "wethouder-" + municipalityCode;
    }

    public static String beleidsambtenaar(String municipalityCode) {
        return "beleidsambtenaar-" + municipalityCode;
    }

    /** The two local groups of a municipality. */
    static List<GroupDefinition> local(String municipalityCode, String municipalityName) {
        return List.of(
                new GroupDefinition(wethouder(municipalityCode), "Wethouder " + municipalityName),
                new GroupDefinition(beleidsambtenaar(municipalityCode), "Beleidsambtenaar " + municipalityName));
    }

    record GroupDefinition(String id, String name) {
    }
}
