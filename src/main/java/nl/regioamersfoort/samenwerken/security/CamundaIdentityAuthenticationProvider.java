package nl.regioamersfoort.samenwerken.security;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks a login against Camunda's own identity, so users, groups and hashed passwords live in one
 * place (Admin) and the engine's lock-out after repeated failures applies to every door. Each
 * Camunda group becomes an authority of the same name.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;
    private final LoginLocks locks;

    CamundaIdentityAuthenticationProvider(IdentityService identityService, LoginLocks locks) {
        this.identityService = identityService;
        this.locks = locks;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || userId.isBlank() || credentials == null) {
            throw new BadCredentialsException(LoginLocks.WRONG_CREDENTIALS);
        }
        Optional<LoginLocks.Lock> lock = locks.of(userId);
        if (lock.isPresent()) {
            throw lock.get().exception();
        }
        if (!identityService.checkPassword(userId, credentials.toString())) {
            // The failure that reached the limit locked the account for good: say so now, not only at the next try.
            lock = locks.of(userId).filter(LoginLocks.Lock::untilUnlocked);
            if (lock.isPresent()) {
                throw lock.get().exception();
            }
            throw new BadCredentialsException(LoginLocks.WRONG_CREDENTIALS);
        }
        List<SimpleGrantedAuthority> authorities = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .map(SimpleGrantedAuthority::new)
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
