package nl.regioamersfoort.samenwerken.traject;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A municipality's local track (gemeentetraject, a "zaak" in ZGW terms) with its inventory, plan
 * and closing evaluation. Its id is the business key {@code <programme>-<municipality>}.
 */
@Entity
@Table(name = "local_track")
public class LocalTrack {

    @Id
    private String id;
    @Column(name = "programme_id", nullable = false)
    private String programmeId;
    @Column(name = "municipality_code", nullable = false)
    private String municipalityCode;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Phase phase;
    @Column(name = "inventory_due", nullable = false)
    private LocalDate inventoryDue;
    @Column(name = "plan_due", nullable = false)
    private LocalDate planDue;
    @Column(name = "local_situation")
    private String localSituation;
    @Column(name = "next_step")
    private String nextStep;
    @Column(name = "plan_summary")
    private String planSummary;
    private String evaluation;
    private String successes;
    private String disappointments;
    @Column(name = "opened_at", nullable = false)
    private LocalDateTime openedAt;
    @Column(name = "closed_at")
    private LocalDateTime closedAt;

    protected LocalTrack() {
    }

    LocalTrack(String id, String programmeId, String municipalityCode, LocalDate inventoryDue, LocalDate planDue, LocalDateTime openedAt) {
        this.id = id;
        this.programmeId = programmeId;
        this.municipalityCode = municipalityCode;
        this.phase = Phase.INVENTARISATIE;
        this.inventoryDue = inventoryDue;
        this.planDue = planDue;
        this.openedAt = openedAt;
    }

    void moveTo(Phase phase) {
        this.phase = phase;
    }

    void recordInventory(String localSituation, String nextStep) {
        this.localSituation = localSituation;
        this.nextStep = nextStep;
    }

    void recordPlan(String planSummary) {
        this.planSummary = planSummary;
    }

    void recordEvaluation(String evaluation, String successes, String disappointments) {
        this.evaluation = evaluation;
        this.successes = successes;
        this.disappointments = disappointments;
    }

    void close(Phase finalPhase, LocalDateTime at) {
        this.phase = finalPhase;
        this.closedAt = at;
    }

    public String getId() {
        return id;
    }

    public String getProgrammeId() {
        return programmeId;
    }

    public String getMunicipalityCode() {
        return municipalityCode;
    }

    public Phase getPhase() {
        return phase;
    }

    public LocalDate getInventoryDue() {
        return inventoryDue;
    }

    public LocalDate getPlanDue() {
        return planDue;
    }

    public String getLocalSituation() {
        return localSituation;
    }

    public String getNextStep() {
        return nextStep;
    }

    public String getPlanSummary() {
        return planSummary;
    }

    public String getEvaluation() {
        return evaluation;
    }

    public String getSuccesses() {
        return successes;
    }

    public String getDisappointments() {
        return disappointments;
    }
}
