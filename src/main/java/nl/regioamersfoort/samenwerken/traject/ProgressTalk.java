package nl.regioamersfoort.samenwerken.traject;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A periodic progress talk with the wethouder during execution. */
@Entity
@Table(name = "progress_talk")
public class ProgressTalk {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "track_id", nullable = false)
    private String trackId;
    @Column(name = "held_at", nullable = false)
    private LocalDateTime heldAt;
    @Column(name = "interim_results", nullable = false)
    private String interimResults;
    private String successes;
    private String disappointments;
    @Column(name = "recorded_by")
    private String recordedBy;

    protected ProgressTalk() {
    }

    ProgressTalk(String trackId, LocalDateTime heldAt, String interimResults, String successes, String disappointments,
            String recordedBy) {
        this.trackId = trackId;
        this.heldAt = heldAt;
        this.interimResults = interimResults;
        this.successes = successes;
        this.disappointments = disappointments;
        this.recordedBy = recordedBy;
    }

    public Long getId() {
        return id;
    }

    public String getTrackId() {
        return trackId;
    }

    public java.time.LocalDateTime getHeldAt() {
        return heldAt;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public String getInterimResults() {
        return interimResults;
    }

    public String getSuccesses() {
        return successes;
    }

    public String getDisappointments() {
        return disappointments;
    }
}
