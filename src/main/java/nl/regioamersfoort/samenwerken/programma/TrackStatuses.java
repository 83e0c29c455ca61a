package nl.regioamersfoort.samenwerken.programma;

import java.time.LocalDate;
import java.util.Optional;

/** Where a municipality's local track stands; provided by the local track feature. */
public interface TrackStatuses {

    Optional<TrackStatus> of(String programmeId, String municipalityCode);

    record TrackStatus(String phase, LocalDate nextDue) {
    }
}
