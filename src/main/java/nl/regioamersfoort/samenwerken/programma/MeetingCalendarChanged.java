package nl.regioamersfoort.samenwerken.programma;

/** The projectleider changed the meeting calendars of a running programme; published inside that change's transaction. */
public record MeetingCalendarChanged(String programmeId) {
}
