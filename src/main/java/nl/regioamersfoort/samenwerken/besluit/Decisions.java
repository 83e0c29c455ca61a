package nl.regioamersfoort.samenwerken.besluit;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other features may ask about decisions and consents. */
@Service
@Transactional(readOnly = true)
public class Decisions {

    private final DecisionRepository decisions;
    private final ConsentRepository consents;

    Decisions(DecisionRepository decisions, ConsentRepository consents) {
        this.decisions = decisions;
        this.consents = consents;
    }

    /** the latest decision on this subject is akkoord, taken by a member of the given group. */
    public boolean isApproved(SubjectType type, String subjectRef, String decidingGroup) {
        List<Decision> trail = decisions.findBySubjectTypeAndSubjectRefOrderByIdAsc(type, subjectRef).stream()
                .filter(d -> d.getOutcome() != null)
                .toList();
        if (trail.isEmpty()) {
            return false;
        }
        Decision latest = trail.get(trail.size() - 1);
        return latest.getOutcome() == Outcome.AKKOORD && latest.getDecidingGroup().equals(decidingGroup)
                && latest.getDecidedBy() != null;
    }

    /**
     * The latest decision on this subject, also when it is still open: a new gate about the same
     * subject makes an earlier akkoord no longer the last word.
     */
    public Optional<Decision> latest(SubjectType type, String subjectRef) {
        List<Decision> trail = about(type, subjectRef);
        return trail.isEmpty() ? Optional.empty() : Optional.of(trail.get(trail.size() - 1));
    }

    /** Every decision on this subject, oldest first. */
    public List<Decision> about(SubjectType type, String subjectRef) {
        return decisions.findBySubjectTypeAndSubjectRefOrderByIdAsc(type, subjectRef);
    }

    public List<Decision> trail(String programmeId, String municipalityCode) {
        return decisions.findByProgrammeIdAndMunicipalityCodeOrderByIdAsc(programmeId, municipalityCode);
    }

    /** everything that may be shared regionally for this programme, in the order it was consented. */
    public List<Consent> consents(String programmeId) {
        return consents.findByProgrammeIdOrderByIdAsc(programmeId);
    }

    public List<Consent> consents(String programmeId, SubjectType type) {
        return consents.findByProgrammeIdAndSubjectTypeOrderByIdAsc(programmeId, type);
    }
}
