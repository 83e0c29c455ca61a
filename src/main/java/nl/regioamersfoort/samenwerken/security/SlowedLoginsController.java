package nl.regioamersfoort.samenwerken.security;

import java.time.LocalDateTime;
import java.util.List;
import nl.regioamersfoort.samenwerken.platform.text.Dutch;
import nl.regioamersfoort.samenwerken.platform.time.EngineClock;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.server.ResponseStatusException;

/**
 * For beheer: which accounts and addresses {@link LoginThrottle} slows down right now, and until when.
 * Nothing to unlock: every wait ends by itself. The counts are this node's own (see LoginThrottle), so
 * the answer names the node.
 */
@RestController
class SlowedLoginsController {

    private final LoginThrottle throttle;
    private final IdentityService identityService;
    private final String node;

    SlowedLoginsController(LoginThrottle throttle, ProcessEngine engine) {
        this.throttle = throttle;
        this.identityService = engine.getIdentityService();
        this.node = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getHostname();
    }

    @GetMapping("/api/beheer/aanmeldingen")
    Aanmeldingen slowed(Authentication caller) {
        requireBeheer(caller);
        return now();
    }

    /** The same for beheer in the browser, in Dutch words. */
    @GetMapping("/dashboard/aanmeldingen")
    ModelAndView page(Authentication caller) {
        requireBeheer(caller);
        Aanmeldingen now = now();
        return new ModelAndView("beheer/aanmeldingen")
                .addObject("node", now.knooppunt())
                .addObject("accounts", now.accounts().stream().map(a -> new Line(a.gebruikersnaam() + (a.bestaat() ? "" : " (onbekend account)"),
                        a.mislukt(), Dutch.moment(a.vertraagdTot()))).toList())
                .addObject("addresses", now.adressen().stream().map(a -> new Line(a.adres(), a.mislukt(), Dutch.moment(a.vertraagdTot())))
                        .toList());
    }

    // The URL rule says the same; this controller does not rely on it alone.
    private static void requireBeheer(Authentication caller) {
        if (caller.getAuthorities().stream().noneMatch(authority -> authority.getAuthority().equals(Roles.BEHEER))) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    private Aanmeldingen now() {
        List<VertraagdAccount> accounts = throttle.slowedAccounts().stream()
                .map(slowdown -> new VertraagdAccount(slowdown.who(),
                        identityService.createUserQuery().userId(slowdown.who()).count() > 0,
                        slowdown.failures(), local(slowdown)))
                .toList();
        List<VertraagdAdres> addresses = throttle.slowedAddresses().stream()
                .map(slowdown -> new VertraagdAdres(slowdown.who(), slowdown.failures(), local(slowdown)))
                .toList();
        return new Aanmeldingen(node, accounts, addresses);
    }

    private static LocalDateTime local(LoginThrottle.Slowdown slowdown) {
        return LocalDateTime.ofInstant(slowdown.until(), EngineClock.ZONE);
    }

    record Line(String who, int failures, String until) {
    }

    record Aanmeldingen(String knooppunt, List<VertraagdAccount> accounts, List<VertraagdAdres> adressen) {
    }

    /** {@code bestaat}: whether Camunda knows the account, or someone is trying names. */
    record VertraagdAccount(String gebruikersnaam, boolean bestaat, int mislukt, LocalDateTime vertraagdTot) {
    }

    record VertraagdAdres(String adres, int mislukt, LocalDateTime vertraagdTot) {
    }
}
