package nl.regioamersfoort.samenwerken.regio;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A consented local result on the agenda of a regional meeting (R-02: only consented text). */
@Entity
@Table(name = "regional_agenda_item")
public class RegionalAgendaItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "programme_id", nullable = false)
    private String programmeId;
    @Column(name = "meeting_date", nullable = false)
    private LocalDate meetingDate;
    @Column(name = "consent_id", nullable = false)
    private Long consentId;
    @Column(name = "municipality_code", nullable = false)
    private String municipalityCode;
    @Column(nullable = false)
    private String text;

    protected RegionalAgendaItem() {
    }

    RegionalAgendaItem(String programmeId, LocalDate meetingDate, Long consentId, String municipalityCode, String text) {
        this.programmeId = programmeId;
        this.meetingDate = meetingDate;
        this.consentId = consentId;
        this.municipalityCode = municipalityCode;
        this.text = text;
    }

    public Long getId() {
        return id;
    }

    public String getProgrammeId() {
        return programmeId;
    }

    public LocalDate getMeetingDate() {
        return meetingDate;
    }

    public Long getConsentId() {
        return consentId;
    }

    public String getMunicipalityCode() {
        return municipalityCode;
    }

    public String getText() {
        return text;
    }
}
