package nl.regioamersfoort.samenwerken.budget;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A beleidsambtenaar's request for activity money for a named activity that makes target groups visible. */
@Entity
@Table(name = "activity_money_request")
public class ActivityMoneyRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "programme_id", nullable = false)
    private String programmeId;
    @Column(name = "municipality_code", nullable = false)
    private String municipalityCode;
    @Column(name = "budget_year", nullable = false)
    private int year;
    @Column(nullable = false)
    private String activity;
    @Column(name = "target_groups", nullable = false)
    private String targetGroups;
    @Column(nullable = false)
    private String visibility;
    @Column(name = "amount_cents", nullable = false)
    private long amountCents;
    @Column(name = "local_activity_id")
    private Long localActivityId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RequestStatus status;
    private String reason;
    @Column(name = "requested_by")
    private String requestedBy;
    @Column(name = "requested_at", nullable = false)
    private LocalDateTime requestedAt;
    /** The instance of {@code activiteitengeld-aanvraag} that registered the request: the only one that may book it. */
    @Column(name = "process_instance_id")
    private String processInstanceId;

    protected ActivityMoneyRequest() {
    }

    ActivityMoneyRequest(String programmeId, String municipalityCode, int year, String activity, String targetGroups, String visibility,
            long amountCents, Long localActivityId, String requestedBy, LocalDateTime requestedAt, String processInstanceId) {
        this.programmeId = programmeId;
        this.municipalityCode = municipalityCode;
        this.year = year;
        this.activity = activity;
        this.targetGroups = targetGroups;
        this.visibility = visibility;
        this.amountCents = amountCents;
        this.localActivityId = localActivityId;
        this.status = RequestStatus.INGEDIEND;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.processInstanceId = processInstanceId;
    }

    /** Neither granted nor refused: the wethouder's decision (or the booking) is still to come. */
    boolean isOpen() {
        return status == RequestStatus.INGEDIEND;
    }

    void adjustAmount(long amountCents) {
        this.amountCents = amountCents;
    }

    void grant() {
        this.status = RequestStatus.TOEGEKEND;
        this.reason = null;
    }

    void refuse(String reason) {
        this.status = RequestStatus.AFGEWEZEN;
        this.reason = reason;
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

    public int getYear() {
        return year;
    }

    public String getActivity() {
        return activity;
    }

    public String getTargetGroups() {
        return targetGroups;
    }

    public String getVisibility() {
        return visibility;
    }

    public long getAmountCents() {
        return amountCents;
    }

    public Long getLocalActivityId() {
        return localActivityId;
    }

    public RequestStatus getStatus() {
        return status;
    }

    public String getReason() {
        return reason;
    }

    /** A request from before instances were recorded is adopted once, by the instance that registered it. */
    void adoptProcessInstance(String processInstanceId) {
        if (this.processInstanceId != null) {
            throw new IllegalStateException("Request " + id + " belongs to process instance " + this.processInstanceId + " already");
        }
        this.processInstanceId = processInstanceId;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }
}
