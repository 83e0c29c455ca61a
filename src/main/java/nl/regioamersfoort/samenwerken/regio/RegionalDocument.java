package nl.regioamersfoort.samenwerken.regio;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * A text of the regional track: a document as written (step OPGESTELD) or the minutes of the
 * stuurgroep SD or the BOSD on it. Every version is kept.
 */
@Entity
@Table(name = "regional_document")
public class RegionalDocument {

    static final String WRITTEN = "OPGESTELD";
    /** The final report, made public with every municipality's consent. */
    static final String PUBLISHED = "GEPUBLICEERD";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "programme_id", nullable = false)
    private String programmeId;
    @Column(nullable = false)
    private String kind;
    @Column(nullable = false)
    private String step;
    @Column(nullable = false)
    private String content;
    @Column(name = "written_by")
    private String writtenBy;
    @Column(name = "written_at", nullable = false)
    private LocalDateTime writtenAt;

    protected RegionalDocument() {
    }

    RegionalDocument(String programmeId, String kind, String step, String content, String writtenBy, LocalDateTime writtenAt) {
        this.programmeId = programmeId;
        this.kind = kind;
        this.step = step;
        this.content = content;
        this.writtenBy = writtenBy;
        this.writtenAt = writtenAt;
    }

    public Long getId() {
        return id;
    }

    public String getProgrammeId() {
        return programmeId;
    }

    public String getKind() {
        return kind;
    }

    public String getStep() {
        return step;
    }

    public String getContent() {
        return content;
    }

    public String getWrittenBy() {
        return writtenBy;
    }

    public LocalDateTime getWrittenAt() {
        return writtenAt;
    }
}
