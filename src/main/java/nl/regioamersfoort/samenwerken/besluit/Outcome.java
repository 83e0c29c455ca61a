package nl.regioamersfoort.samenwerken.besluit;

import java.util.Locale;

/** What a wethouder (or college) decides at a gate. */
public enum Outcome {
    AKKOORD,
    AANPASSEN,
    AFWIJZEN;

    /** The value in forms and process variables: "akkoord", "aanpassen", "afwijzen". */
    public String formValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
