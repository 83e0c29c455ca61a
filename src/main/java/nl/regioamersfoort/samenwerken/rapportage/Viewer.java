package nl.regioamersfoort.samenwerken.rapportage;

import java.util.Set;
import nl.regioamersfoort.samenwerken.programma.Insight;
import nl.regioamersfoort.samenwerken.programma.Programme;
import org.springframework.security.core.Authentication;

/**
 * Who looks at the dashboard, and so what they may see ({@link Insight}): coordinators (projectleider,
 * adviseur, beheer) everything; a wethouder or beleidsambtenaar their own municipality in full and
 * no row of another; the stuurgroep and the BOSD a row per municipality, but of local information
 * only what its wethouder consented to share and nothing of where it stands; people outside a
 * programme nothing of it.
 */
record Viewer(String userId, Set<String> groups) {

    static Viewer of(Authentication authentication) {
        Insight insight = Insight.of(authentication);
        return new Viewer(insight.userId(), insight.groups());
    }

    Insight insight() {
        return new Insight(userId, groups);
    }

    boolean isCoordinator() {
        return insight().isCoordinator();
    }

    boolean isRegional() {
        return insight().isRegional();
    }

    /** Sees this municipality's local track in full: phase, deadlines, overdue tasks, decisions, texts, mails. */
    boolean seesInFull(String municipalityCode) {
        return insight().seesLocalStatusOf(municipalityCode);
    }

    /** Sees this municipality's row at all: in full, or as consented items only. */
    boolean seesRow(String municipalityCode) {
        return seesInFull(municipalityCode) || isRegional();
    }

    boolean takesPartIn(Programme programme) {
        return insight().takesPartIn(programme);
    }
}
