package nl.regioamersfoort.samenwerken.budget;

public enum RequestStatus {
    INGEDIEND,
    TOEGEKEND,
    AFGEWEZEN
}
