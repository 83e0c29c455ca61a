package nl.regioamersfoort.samenwerken.security;

import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.security.authentication.LockedException;
import org.springframework.stereotype.Component;

/**
 * Camunda's lock-out after failed logins, read back so that a locked person hears that their account
 * is locked instead of "wrong password" (Camunda refuses a locked account even with the right
 * password). The lock itself stays Camunda's: engine properties {@code login-max-attempts} and
 * {@code login-delay-*} in application.yaml, unlocking in Admin.
 */
@Component
class LoginLocks {

    static final String WRONG_CREDENTIALS = "Onjuiste gebruikersnaam of wachtwoord.";
    static final String LOCKED_FOR_GOOD = "Uw account is geblokkeerd na te veel mislukte inlogpogingen. "
            + "Vraag een beheerder (groep beheer) om het te deblokkeren.";
    static final String LOCKED = "Uw account is tijdelijk geblokkeerd na herhaalde mislukte inlogpogingen. Probeer het later opnieuw.";

    private final IdentityService identityService;
    private final ProcessEngineConfigurationImpl configuration;

    LoginLocks(ProcessEngine engine) {
        this.identityService = engine.getIdentityService();
        this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    record Lock(boolean untilUnlocked, String message) {

        LockedException exception() {
            return new LockedException(message);
        }
    }

    /** The lock on this account at this moment (the engine's clock), if there is one. */
    Optional<Lock> of(String userId) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        if (!(user instanceof UserEntity account)) {
            return Optional.empty();
        }
        if (account.getAttempts() >= configuration.getLoginMaxAttempts()) {
            return Optional.of(new Lock(true, LOCKED_FOR_GOOD));
        }
        Date until = account.getLockExpirationTime();
        long millisLeft = until == null ? 0 : until.getTime() - ClockUtil.getCurrentTime().getTime();
        if (millisLeft <= 0) {
            return Optional.empty();
        }
        long seconds = Math.max(1, (millisLeft + 999) / 1000);
        return Optional.of(new Lock(false, "Uw account is tijdelijk geblokkeerd na een mislukte inlogpoging. Probeer het over "
                + seconds + (seconds == 1 ? " seconde" : " seconden") + " opnieuw."));
    }
}
