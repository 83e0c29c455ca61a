package nl.regioamersfoort.samenwerken.budget;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.hibernate.annotations.Immutable;

/** One line in the ledger: a grant, a refund or booked hours. Written once, never changed. */
@Entity
@Immutable
@Table(name = "ledger_entry")
public class LedgerEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "programme_id", nullable = false)
    private String programmeId;
    @Column(name = "budget_year", nullable = false)
    private int year;
    @Column(name = "municipality_code")
    private String municipalityCode;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LedgerKind kind;
    @Column(name = "amount_cents")
    private Long amountCents;
    private BigDecimal hours;
    @Column(nullable = false)
    private String description;
    @Column(name = "target_groups")
    private String targetGroups;
    private String reason;
    @Column(name = "request_id")
    private Long requestId;
    @Column(name = "booked_by", nullable = false)
    private String bookedBy;
    @Column(name = "booked_at", nullable = false)
    private LocalDateTime bookedAt;

    protected LedgerEntry() {
    }

    private LedgerEntry(String programmeId, int year, String municipalityCode, LedgerKind kind, Long amountCents, BigDecimal hours,
            String description, String targetGroups, String reason, Long requestId, String bookedBy, LocalDateTime bookedAt) {
        this.programmeId = programmeId;
        this.year = year;
        this.municipalityCode = municipalityCode;
        this.kind = kind;
        this.amountCents = amountCents;
        this.hours = hours;
        this.description = description;
        this.targetGroups = targetGroups;
        this.reason = reason;
        this.requestId = requestId;
        this.bookedBy = bookedBy;
        this.bookedAt = bookedAt;
    }

    static LedgerEntry grant(ActivityMoneyRequest request, String bookedBy, LocalDateTime at) {
        return new LedgerEntry(request.getProgrammeId(), request.getYear(), request.getMunicipalityCode(), LedgerKind.TOEKENNING,
                request.getAmountCents(), null, request.getActivity(), request.getTargetGroups(), "Toegekend na besluit van de wethouder",
                request.getId(), bookedBy, at);
    }

    /** Unused money of a grant paid back; the only entry with a negative amount. */
    static LedgerEntry refund(ActivityMoneyRequest grant, long cents, String reason, String bookedBy, LocalDateTime at) {
        return new LedgerEntry(grant.getProgrammeId(), grant.getYear(), grant.getMunicipalityCode(), LedgerKind.TERUGBETALING, -cents,
                null, grant.getActivity(), grant.getTargetGroups(), reason, grant.getId(), bookedBy, at);
    }

    static LedgerEntry hours(String programmeId, int year, String municipalityCode, BigDecimal hours, String description,
            String reason, String bookedBy, LocalDateTime at) {
        return new LedgerEntry(programmeId, year, municipalityCode, LedgerKind.UREN, null, hours, description, null, reason, null,
                bookedBy, at);
    }

    public Long getId() {
        return id;
    }

    public String getProgrammeId() {
        return programmeId;
    }

    public int getYear() {
        return year;
    }

    public String getMunicipalityCode() {
        return municipalityCode;
    }

    public LedgerKind getKind() {
        return kind;
    }

    public Long getAmountCents() {
        return amountCents;
    }

    public BigDecimal getHours() {
        return hours;
    }

    public String getDescription() {
        return description;
    }

    public String getTargetGroups() {
        return targetGroups;
    }

    public String getReason() {
        return reason;
    }

    public Long getRequestId() {
        return requestId;
    }

    public String getBookedBy() {
        return bookedBy;
    }

    public LocalDateTime getBookedAt() {
        return bookedAt;
    }
}
