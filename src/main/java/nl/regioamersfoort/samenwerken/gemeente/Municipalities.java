package nl.regioamersfoort.samenwerken.gemeente;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The front door of the reference data: the region's municipalities and its election dates, read-only for every feature. */
@Component
@Transactional(readOnly = true)
public class Municipalities {

    private final MunicipalityRepository municipalities;
    private final MunicipalElectionRepository elections;

    Municipalities(MunicipalityRepository municipalities, MunicipalElectionRepository elections) {
        this.municipalities = municipalities;
        this.elections = elections;
    }

    /** The days of municipal elections from {@code from} to {@code to}, both included, earliest first. */
    public List<LocalDate> electionsBetween(LocalDate from, LocalDate to) {
        return elections.findByDateBetweenOrderByDateAsc(from, to).stream().map(MunicipalElection::getDate).toList();
    }

    /** The municipality with this code (lower case, as in the group names: {@code baarn}). */
    public Optional<Municipality> byCode(String code) {
        return code == null ? Optional.empty() : municipalities.findById(code);
    }

    /** All municipalities of the region, by name. */
    public List<Municipality> all() {
        return municipalities.findAllByOrderByNameAsc();
    }
}
