package nl.regioamersfoort.samenwerken.programma;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;

/** A municipality taking part in a programme period, from the day it joined. */
@Embeddable
public class Participant {

    @Column(name = "municipality_code", nullable = false)
    private String municipalityCode;

    @Column(name = "joined_on", nullable = false)
    private LocalDate joinedOn;

    protected Participant() {
    }

    Participant(String municipalityCode, LocalDate joinedOn) {
        this.municipalityCode = municipalityCode;
        this.joinedOn = joinedOn;
    }

    public String getMunicipalityCode() {
        return municipalityCode;
    }

    public LocalDate getJoinedOn() {
        return joinedOn;
    }
}
