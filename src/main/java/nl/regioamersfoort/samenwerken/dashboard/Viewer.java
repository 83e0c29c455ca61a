package nl.regioamersfoort.samenwerken.dashboard;

import java.util.Set;
import java.util.stream.Collectors;
import nl.regioamersfoort.samenwerken.security.Roles;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who looks at the dashboard, and so what they may see: coordinators (projectleider, adviseur,
 * beheer) everything; a wethouder or beleidsambtenaar their own municipality in full and nothing of
 * another; the stuurgroep and the BOSD every municipality, but of local information only what its
 * wethouder consented to share.
 */
record Viewer(String userId, Set<String> groups) {

    static Viewer of(Authentication authentication) {
        return new Viewer(authentication.getName(),
                authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toUnmodifiableSet()));
    }

    boolean isCoordinator() {
        return groups.contains(Roles.PROJECTLEIDER) || groups.contains(Roles.ADVISEUR) || groups.contains(Roles.BEHEER);
    }

    boolean isRegional() {
        return groups.contains(Roles.STUURGROEP_SD) || groups.contains(Roles.BOSD);
    }

    /** Sees this municipality's local track in full: phases, decisions, texts, mails. */
    boolean seesInFull(String municipalityCode) {
        return isCoordinator() || groups.contains(Roles.wethouder(municipalityCode))
                || groups.contains(Roles.beleidsambtenaar(municipalityCode));
    }

    /** Sees this municipality's row at all: in full, or as consented items only. */
    boolean seesRow(String municipalityCode) {
        return seesInFull(municipalityCode) || isRegional();
    }
}
