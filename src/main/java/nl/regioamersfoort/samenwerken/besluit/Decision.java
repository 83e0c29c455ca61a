package nl.regioamersfoort.samenwerken.besluit;

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

/** One gate in the audit trail: what was proposed by whom, and who decided what, when and why. */
@Entity
@Table(name = "decision")
public class Decision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "programme_id", nullable = false)
    private String programmeId;
    @Column(name = "municipality_code", nullable = false)
    private String municipalityCode;
    @Enumerated(EnumType.STRING)
    @Column(name = "subject_type", nullable = false)
    private SubjectType subjectType;
    @Column(name = "subject_ref", nullable = false)
    private String subjectRef;
    @Column(nullable = false)
    private String subject;
    @Column(name = "deciding_group", nullable = false)
    private String decidingGroup;
    private String proposal;
    @Column(name = "proposed_by")
    private String proposedBy;
    @Column(name = "proposed_at")
    private LocalDateTime proposedAt;
    @Enumerated(EnumType.STRING)
    private Outcome outcome;
    private String motivation;
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "decided_at")
    private LocalDateTime decidedAt;
    @Column(name = "process_instance_id", nullable = false)
    private String processInstanceId;
    @Column(name = "college_decision_date")
    private LocalDate collegeDecisionDate;
    @Column(name = "college_decision_number")
    private String collegeDecisionNumber;
    @Column(name = "lapsed_at")
    private LocalDateTime lapsedAt;

    protected Decision() {
    }

    Decision(String programmeId, String municipalityCode, SubjectType subjectType, String subjectRef, String subject,
            String decidingGroup, String proposal, String processInstanceId) {
        this.programmeId = programmeId;
        this.municipalityCode = municipalityCode;
        this.subjectType = subjectType;
        this.subjectRef = subjectRef;
        this.subject = subject;
        this.decidingGroup = decidingGroup;
        this.proposal = proposal;
        this.processInstanceId = processInstanceId;
    }

    void propose(String text, String by, LocalDateTime at) {
        requireOpen();
        this.proposal = text;
        this.proposedBy = by;
        this.proposedAt = at;
    }

    void decide(Outcome outcome, String motivation, String by, LocalDateTime at) {
        requireOpen();
        this.outcome = outcome;
        this.motivation = motivation;
        this.decidedBy = by;
        this.decidedAt = at;
    }

    /** The college's own decision that this record reports: its date and number in the municipality's register. */
    void recordCollegeDecision(LocalDate date, String number) {
        this.collegeDecisionDate = date;
        this.collegeDecisionNumber = number;
    }

    /** The gate ended without a decision: nobody is asked any more. */
    void lapse(LocalDateTime at) {
        requireOpen();
        this.lapsedAt = at;
    }

    /** Still waiting for its decider: neither decided nor lapsed. */
    public boolean isOpen() {
        return outcome == null && lapsedAt == null;
    }

    private void requireOpen() {
        if (outcome != null) {
            throw new IllegalStateException("Decision " + id + " was already taken and cannot change");
        }
        if (lapsedAt != null) {
            throw new IllegalStateException("Decision " + id + " lapsed and cannot change");
        }
    }

    public Long getId() {
        return id;
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

    public String getSubject() {
        return subject;
    }

    public String getDecidingGroup() {
        return decidingGroup;
    }

    public String getProposal() {
        return proposal;
    }

    public String getProposedBy() {
        return proposedBy;
    }

    public LocalDateTime getProposedAt() {
        return proposedAt;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public String getMotivation() {
        return motivation;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public LocalDateTime getDecidedAt() {
        return decidedAt;
    }

    public LocalDate getCollegeDecisionDate() {
        return collegeDecisionDate;
    }

    public String getCollegeDecisionNumber() {
        return collegeDecisionNumber;
    }

    /** The instance of the gate ({@code wethouder-besluit}) in which this decision was opened and taken. */
    public LocalDateTime getLapsedAt() {
        return lapsedAt;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }
}
