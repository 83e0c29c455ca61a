package nl.regioamersfoort.samenwerken.gemeente;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A date of the municipal elections in the region; {@code confirmed} once the Kiesraad set it, planned before. */
@Entity
@Table(name = "municipal_election")
public class MunicipalElection {

    @Id
    @Column(name = "election_date")
    private LocalDate date;
    private boolean confirmed;

    protected MunicipalElection() {
    }

    public LocalDate getDate() {
        return date;
    }

    public boolean isConfirmed() {
        return confirmed;
    }
}
