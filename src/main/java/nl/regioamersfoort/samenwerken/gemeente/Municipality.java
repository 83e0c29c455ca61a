package nl.regioamersfoort.samenwerken.gemeente;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/**
 * A municipality of Regio Amersfoort taking part in the programme. Reference data: joining, leaving
 * or changing who adopts is a change of this data, never of a process model.
 */
@Entity
@Table(name = "municipality")
public class Municipality {

    @Id
    private String code;

    @Column(nullable = false)
    private String name;

    /** Whether the municipality receives a funded local track (Amersfoort takes part regionally only). */
    @Column(nullable = false)
    private boolean funded;

    @Enumerated(EnumType.STRING)
    @Column(name = "adopting_body", nullable = false)
    private AdoptingBody adoptingBody;

    @Column(name = "member_from", nullable = false)
    private LocalDate memberFrom;

    @Column(name = "member_until")
    private LocalDate memberUntil;

    protected Municipality() {
    }

    public Municipality(String code, String name, boolean funded, AdoptingBody adoptingBody,
            LocalDate memberFrom, LocalDate memberUntil) {
        this.code = code;
        this.name = name;
        this.funded = funded;
        this.adoptingBody = adoptingBody;
        this.memberFrom = memberFrom;
        this.memberUntil = memberUntil;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public boolean isFunded() {
        return funded;
    }

    public AdoptingBody getAdoptingBody() {
        return adoptingBody;
    }

    public LocalDate getMemberFrom() {
        return memberFrom;
    }

    public LocalDate getMemberUntil() {
        return memberUntil;
    }

    /** Member on the given day: joined on or before it and not yet left. */
    public boolean isMemberOn(LocalDate day) {
        return !memberFrom.isAfter(day) && (memberUntil == null || memberUntil.isAfter(day));
    }
}
