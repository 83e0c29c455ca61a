package nl.regioamersfoort.samenwerken.traject;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A local activity or conversation from the plan; it runs only after the wethouder's akkoord. */
@Entity
@Table(name = "local_activity")
public class LocalActivity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "track_id", nullable = false)
    private String trackId;
    @Column(nullable = false)
    private int position;
    @Column(nullable = false)
    private String title;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ActivityStatus status;
    private String result;
    /** The local partners the plan names for it, fixed by the plan's adoption. */
    private String partners;

    protected LocalActivity() {
    }

    LocalActivity(String trackId, int position, String title) {
        this.trackId = trackId;
        this.position = position;
        this.title = title;
        this.status = ActivityStatus.VOORGESTELD;
    }

    void moveTo(ActivityStatus status) {
        this.status = status;
    }

    void carriedOut(String result) {
        this.result = result;
        this.status = ActivityStatus.UITGEVOERD;
    }

    /** Approved, but it did not go ahead: the reason stays as its result. */
    void notHeld(String reason) {
        this.result = reason;
        this.status = ActivityStatus.NIET_DOORGEGAAN;
    }

    void namePartners(String partners) {
        this.partners = partners;
    }

    public String getPartners() {
        return partners;
    }

    /** As the plan lists it: the title, and after a bar the partners. */
    String asPlanLine() {
        return partners == null ? title : title + " | " + partners;
    }

    void reposition(int position) {
        this.position = position;
    }

    public Long getId() {
        return id;
    }

    public String getTrackId() {
        return trackId;
    }

    public int getPosition() {
        return position;
    }

    public String getTitle() {
        return title;
    }

    public ActivityStatus getStatus() {
        return status;
    }

    public String getResult() {
        return result;
    }
}
