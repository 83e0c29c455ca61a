package nl.regioamersfoort.samenwerken.programma;

import java.util.Set;
import java.util.stream.Collectors;
import nl.regioamersfoort.samenwerken.security.Roles;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * What a logged-in person may see of a programme (issue 12). The projectleider, the adviser and
 * beheer see everything. A municipality's own wethouder and beleidsambtenaar see where it stands
 * (phase, deadlines, overdue tasks, stopped); the stuurgroep, the BOSD and the other participating
 * municipalities see that it takes part and what its wethouder consented to share, not its status.
 * Whoever is none of these sees nothing of the programme, not even that it exists.
 */
public record Insight(String userId, Set<String> groups) {

    public static Insight of(Authentication authentication) {
        return new Insight(authentication.getName(),
                authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toUnmodifiableSet()));
    }

    /** Projectleider, adviser and beheer: every programme and every municipality in full. */
    public boolean isCoordinator() {
        return groups.contains(Roles.PROJECTLEIDER) || groups.contains(Roles.ADVISEUR) || groups.contains(Roles.BEHEER);
    }

    /** Stuurgroep SD and BOSD: every programme, of a municipality only what it consented to share. */
    public boolean isRegional() {
        return groups.contains(Roles.STUURGROEP_SD) || groups.contains(Roles.BOSD);
    }

    /** One of this municipality's own people. */
    public boolean isOf(String municipalityCode) {
        return groups.contains(Roles.wethouder(municipalityCode)) || groups.contains(Roles.beleidsambtenaar(municipalityCode));
    }

    /** Sees this municipality's local status and case: phase, deadlines, overdue tasks, decisions, texts. */
    public boolean seesLocalStatusOf(String municipalityCode) {
        return isCoordinator() || isOf(municipalityCode);
    }

    /** Sees the programme at all: coordinators, regional bodies and the people of its participating municipalities. */
    public boolean takesPartIn(Programme programme) {
        return isCoordinator() || isRegional()
                || programme.getParticipants().stream().anyMatch(participant -> isOf(participant.getMunicipalityCode()));
    }
}
