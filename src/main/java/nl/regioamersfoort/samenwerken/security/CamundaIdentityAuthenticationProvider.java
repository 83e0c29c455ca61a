package nl.regioamersfoort.samenwerken.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks a login against Camunda's own identity, so users, groups and hashed passwords live in one
 * place (Admin), behind {@link LoginThrottle} for every door (login page, HTTP Basic on /api and
 * /engine-rest). Every refusal is the same exception with the same message, whether the account is
 * unknown, slowed down or the password wrong. Each Camunda group becomes an authority of the same name.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;
    private final LoginThrottle throttle;

    CamundaIdentityAuthenticationProvider(IdentityService identityService, LoginThrottle throttle) {
        this.identityService = identityService;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || userId.isBlank() || credentials == null) {
            throw new BadCredentialsException(LoginThrottle.REFUSED);
        }
        // Form login and HTTP Basic both record the caller's address (after Tomcat's proxy handling).
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
        if (!throttle.attempt(userId, address, () -> passwordMatches(userId, credentials.toString()))) {
            throw new BadCredentialsException(LoginThrottle.REFUSED);
        }
        List<SimpleGrantedAuthority> authorities = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .map(SimpleGrantedAuthority::new)
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    }

    /**
     * The engine counts a failure on the account and sets a lock expiry on it, however its lock-out is
     * configured: with a clock set back (the demo clock) that expiry would lie in the future and lock the
     * account until then. The throttle decides alone, so the engine's own record is cleared each time.
     */
    private boolean passwordMatches(String userId, String password) {
        if (identityService.checkPassword(userId, password)) {
            return true;
        }
        identityService.unlockUser(userId);
        return false;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
