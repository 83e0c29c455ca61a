package nl.regioamersfoort.samenwerken.traject;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A conversation with the wethouder and the beleidsambtenaar about the inventory or the plan
 * (bespreken, seed 000 §6): when it was held, who took part, what was agreed, and whether the text
 * goes on or is to be completed first. It decides nothing; adopting the plan and leaving the
 * programme are decisions of their own.
 */
@Entity
@Table(name = "discussion")
public class Discussion {

    /** What the conversation leads to. */
    public enum Outcome {
        /** The text goes on: the plan is written, or put up for adoption. */
        VERDER,
        /** The text is completed first; whoever revises it reads why. */
        AANVULLEN,
        /** The municipality considers leaving: its wethouder is asked to decide. */
        STOPPEN
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "track_id", nullable = false)
    private String trackId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Phase subject;
    @Column(name = "held_on", nullable = false)
    private LocalDate heldOn;
    @Column(nullable = false)
    private String participants;
    @Column(nullable = false)
    private String agreements;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Outcome outcome;
    private String reason;
    @Column(name = "recorded_by")
    private String recordedBy;
    @Column(name = "recorded_at", nullable = false)
    private LocalDateTime recordedAt;

    protected Discussion() {
    }

    Discussion(String trackId, Phase subject, LocalDate heldOn, String participants, String agreements, Outcome outcome, String reason,
            String recordedBy, LocalDateTime recordedAt) {
        this.trackId = trackId;
        this.subject = subject;
        this.heldOn = heldOn;
        this.participants = participants;
        this.agreements = agreements;
        this.outcome = outcome;
        this.reason = reason;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public Long getId() {
        return id;
    }

    public String getTrackId() {
        return trackId;
    }

    public Phase getSubject() {
        return subject;
    }

    public LocalDate getHeldOn() {
        return heldOn;
    }

    public String getParticipants() {
        return participants;
    }

    public String getAgreements() {
        return agreements;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public String getReason() {
        return reason;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public LocalDateTime getRecordedAt() {
        return recordedAt;
    }
}
