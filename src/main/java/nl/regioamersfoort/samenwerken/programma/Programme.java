package nl.regioamersfoort.samenwerken.programma;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One programme period (looptijd), e.g. 2022-2023, with its participants and its calendar of due dates. */
@Entity
@Table(name = "programme")
public class Programme {

    @Id
    private String id;
    @Column(nullable = false)
    private String name;
    @Column(name = "period_start", nullable = false)
    private LocalDate start;
    @Column(name = "period_end", nullable = false)
    private LocalDate end;
    @Column(name = "inventory_due", nullable = false)
    private LocalDate inventoryDue;
    @Column(name = "plan_due", nullable = false)
    private LocalDate planDue;
    @Column(name = "topics_due", nullable = false)
    private LocalDate topicsDue;
    @Column(name = "approach_due", nullable = false)
    private LocalDate approachDue;
    /** Null in a period without municipal elections: no feedback moment. */
    @Column(name = "feedback_date")
    private LocalDate feedbackDate;
    @Column(name = "progress_interval_months", nullable = false)
    private int progressIntervalMonths;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ProgrammeStatus status;
    @Column(name = "status_reason")
    private String statusReason;
    @Column(name = "activity_money_cents", nullable = false)
    private long activityMoneyCents = 300_000;
    @Column(name = "ministry_budget_cents", nullable = false)
    private long ministryBudgetCents = 5_000_000;
    @Column(name = "adviser_hours_cap", nullable = false)
    private java.math.BigDecimal adviserHoursCap = new java.math.BigDecimal("400");
    @Column(name = "carry_over", nullable = false)
    private boolean carryOver;
    @Column(name = "reminder_working_days")
    private String reminderWorkingDays;
    @Column(name = "previous_programme_id")
    private String previousProgrammeId;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "programme_participant", joinColumns = @JoinColumn(name = "programme_id"))
    @OrderBy("municipalityCode")
    private List<Participant> participants = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "programme_meeting", joinColumns = @JoinColumn(name = "programme_id"))
    @Column(name = "meeting_date")
    @OrderBy
    private List<LocalDate> meetings = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "programme_steering_meeting", joinColumns = @JoinColumn(name = "programme_id"))
    @Column(name = "meeting_date")
    @OrderBy
    private List<LocalDate> steeringMeetings = new ArrayList<>();

    protected Programme() {
    }

    Programme(String id, String name, LocalDate start, LocalDate end, ProgrammeCalendar calendar, String previousProgrammeId,
            String createdBy, LocalDateTime createdAt) {
        this.id = id;
        this.name = name;
        this.start = start;
        this.end = end;
        this.inventoryDue = calendar.inventory();
        this.planDue = calendar.plan();
        this.topicsDue = calendar.topics();
        this.approachDue = calendar.approach();
        this.feedbackDate = calendar.feedback();
        this.progressIntervalMonths = calendar.progressIntervalMonths();
        this.meetings.addAll(calendar.meetings());
        this.steeringMeetings.addAll(calendar.steeringMeetings());
        this.status = ProgrammeStatus.LOPEND;
        this.previousProgrammeId = previousProgrammeId;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    void remindOn(List<Integer> workingDaysBefore) {
        this.reminderWorkingDays = workingDaysBefore == null || workingDaysBefore.isEmpty() ? null
                : String.join(",", workingDaysBefore.stream().map(String::valueOf).toList());
    }

    /** Working days before a due date on which reminders go out, if this programme has its own. */
    public Optional<List<Integer>> getReminderWorkingDays() {
        return Optional.ofNullable(reminderWorkingDays).map(days -> java.util.Arrays.stream(days.split(","))
                .map(String::strip).map(Integer::valueOf).toList());
    }

    /** The meeting calendars of the BOSD and the stuurgroep from now on; what was held before stays. */
    void reschedule(List<LocalDate> bosd, List<LocalDate> steering) {
        meetings.clear();
        meetings.addAll(bosd);
        steeringMeetings.clear();
        steeringMeetings.addAll(steering);
    }

    void addParticipant(String municipalityCode, LocalDate joinedOn) {
        participants.add(new Participant(municipalityCode, joinedOn));
    }

    void stop(String reason) {
        this.status = ProgrammeStatus.GESTOPT;
        this.statusReason = reason;
    }

    void finish(String reason) {
        if (status == ProgrammeStatus.LOPEND) {
            this.status = ProgrammeStatus.AFGEROND;
            this.statusReason = reason;
        }
    }

    public Optional<Participant> participant(String municipalityCode) {
        return participants.stream().filter(p -> p.getMunicipalityCode().equals(municipalityCode)).findFirst();
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public LocalDate getStart() {
        return start;
    }

    public LocalDate getEnd() {
        return end;
    }

    public ProgrammeCalendar getCalendar() {
        return new ProgrammeCalendar(inventoryDue, planDue, topicsDue, approachDue, feedbackDate, progressIntervalMonths, List.copyOf(meetings),
                List.copyOf(steeringMeetings));
    }

    public ProgrammeStatus getStatus() {
        return status;
    }

    public String getStatusReason() {
        return statusReason;
    }

    public List<Participant> getParticipants() {
        return List.copyOf(participants);
    }

    /** Activity money per funded municipality per year (seed 001: €3,000), in cents. */
    public long getActivityMoneyCents() {
        return activityMoneyCents;
    }

    /** The ministry's yearly grant (OCW: €50,000), in cents. */
    public long getMinistryBudgetCents() {
        return ministryBudgetCents;
    }

    /** The adviser's hours per year (seed 000 §8: 400). */
    public java.math.BigDecimal getAdviserHoursCap() {
        return adviserHoursCap;
    }

    /** What the BOSD's continuation decision gave the new period: budget and activity money in cents, hours a year. */
    void fund(long ministryBudgetCents, long activityMoneyCents, java.math.BigDecimal adviserHoursCap) {
        this.ministryBudgetCents = ministryBudgetCents;
        this.activityMoneyCents = activityMoneyCents;
        this.adviserHoursCap = adviserHoursCap;
    }

    /** Whether unused activity money carries over to the next year (by default it does not). */
    public boolean isCarryOver() {
        return carryOver;
    }

    public String getPreviousProgrammeId() {
        return previousProgrammeId;
    }

    public String getCreatedBy() {
        return createdBy;
    }
}
