package nl.regioamersfoort.samenwerken.budget;

/** The target groups activity money makes visible (seed 001). */
public enum TargetGroup {
    HANDICAP_OF_CHRONISCHE_ZIEKTE("Mensen met een handicap of chronische ziekte"),
    DISCRIMINATIE_OF_UITSLUITING("Mensen die discriminatie of uitsluiting ervaren"),
    LHBTI("LHBTI+-personen"),
    ANDERS("Andere doelgroep");

    private final String label;

    TargetGroup(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
