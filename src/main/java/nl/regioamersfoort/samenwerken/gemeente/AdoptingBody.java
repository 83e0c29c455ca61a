package nl.regioamersfoort.samenwerken.gemeente;

/** Who adopts a municipality's own approach (seed 000 §5: "portefeuillehouder of college"). */
public enum AdoptingBody {
    PORTEFEUILLEHOUDER,
    COLLEGE
}
