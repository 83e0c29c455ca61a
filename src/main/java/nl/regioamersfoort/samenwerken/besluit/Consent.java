package nl.regioamersfoort.samenwerken.besluit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** a text a wethouder consented to share regionally. Only consented text leaves the municipality. */
@Entity
@Table(name = "consent")
public class Consent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "decision_id", nullable = false)
    private Long decisionId;
    @Column(name = "programme_id", nullable = false)
    private String programmeId;
    @Column(name = "municipality_code", nullable = false)
    private String municipalityCode;
    @Enumerated(EnumType.STRING)
    @Column(name = "subject_type", nullable = false)
    private SubjectType subjectType;
    @Column(name = "subject_ref", nullable = false)
    private String subjectRef;
    @Column(name = "shared_text", nullable = false)
    private String sharedText;
    @Column(name = "consented_by", nullable = false)
    private String consentedBy;
    @Column(name = "consented_at", nullable = false)
    private LocalDateTime consentedAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Audience audience;

    /** Who may read what was consented: the region, or also the public. */
    public enum Audience {
        /** The stuurgroep, the BOSD and the other participants. */
        REGIONAAL,
        /** Also the published final report and the web page. */
        OPENBAAR
    }

    protected Consent() {
    }

    Consent(Decision decision, Audience audience) {
        this.audience = audience;
        this.decisionId = decision.getId();
        this.programmeId = decision.getProgrammeId();
        this.municipalityCode = decision.getMunicipalityCode();
        this.subjectType = decision.getSubjectType();
        this.subjectRef = decision.getSubjectRef();
        this.sharedText = decision.getProposal();
        this.consentedBy = decision.getDecidedBy();
        this.consentedAt = decision.getDecidedAt();
    }

    public Audience getAudience() {
        return audience;
    }

    public Long getId() {
        return id;
    }

    public Long getDecisionId() {
        return decisionId;
    }

    public String getProgrammeId() {
        return programmeId;
    }

    public String getMunicipalityCode() {
        return municipalityCode;
    }

    public SubjectType getSubjectType() {
        return subjectType;
    }

    public String getSubjectRef() {
        return subjectRef;
    }

    public String getSharedText() {
        return sharedText;
    }

    public String getConsentedBy() {
        return consentedBy;
    }

    public LocalDateTime getConsentedAt() {
        return consentedAt;
    }
}
