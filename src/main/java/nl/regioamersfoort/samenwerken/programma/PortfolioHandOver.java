package nl.regioamersfoort.samenwerken.programma;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * One change of portefeuillehouder in the audit trail: who asked, when, for which municipality, from
 * whom to whom, and how many open wethouder tasks went to the new person. Written before the
 * programme process re-routes the tasks, in the same transaction.
 */
@Entity
@Table(name = "portfolio_hand_over")
class PortfolioHandOver {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "programme_id", nullable = false)
    private String programmeId;
    @Column(name = "municipality_code", nullable = false)
    private String municipalityCode;
    @Column(name = "previous_holder")
    private String previousHolder;
    @Column(name = "new_holder", nullable = false)
    private String newHolder;
    @Column(name = "requested_by", nullable = false)
    private String requestedBy;
    @Column(name = "requested_at", nullable = false)
    private LocalDateTime requestedAt;
    @Column(name = "rerouted_tasks")
    private Integer reroutedTasks;

    protected PortfolioHandOver() {
    }

    PortfolioHandOver(String programmeId, String municipalityCode, String previousHolder, String newHolder, String requestedBy,
            LocalDateTime requestedAt) {
        this.programmeId = programmeId;
        this.municipalityCode = municipalityCode;
        this.previousHolder = previousHolder;
        this.newHolder = newHolder;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
    }

    void rerouted(int tasks) {
        if (reroutedTasks != null) {
            throw new IllegalStateException("Hand-over " + id + " was carried out already");
        }
        this.reroutedTasks = tasks;
    }

    Long getId() {
        return id;
    }

    String getProgrammeId() {
        return programmeId;
    }

    String getMunicipalityCode() {
        return municipalityCode;
    }

    String getPreviousHolder() {
        return previousHolder;
    }

    String getNewHolder() {
        return newHolder;
    }

    String getRequestedBy() {
        return requestedBy;
    }

    LocalDateTime getRequestedAt() {
        return requestedAt;
    }

    Integer getReroutedTasks() {
        return reroutedTasks;
    }
}
