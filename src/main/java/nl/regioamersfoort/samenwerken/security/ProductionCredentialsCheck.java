package nl.regioamersfoort.samenwerken.security;

import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Outside the demo run the application refuses to start without a strong administrator password,
 * and refuses a database that still holds the demo people (who all have the password "demo").
 * Runs as an engine plugin so it is checked before the engine creates any user.
 */
@Component
@Profile("!" + DemoUsers.PROFILE)
class ProductionCredentialsCheck extends AbstractProcessEnginePlugin {

    static final int MINIMUM_PASSWORD_LENGTH = 12;
    private static final Set<String> WELL_KNOWN_PASSWORDS = Set.of(
            "demo", "admin", "administrator", "camunda", "password", "passw0rd", "wachtwoord", "welkom", "welcome",
            "changeme", "secret", "geheim", "beheer", "samenwerken", "123456789012", "qwertyuiop12");
    private static final String ADMIN_ID = "camunda.bpm.admin-user.id";
    private static final String ADMIN_PASSWORD = "camunda.bpm.admin-user.password";

    private final Environment environment;

    ProductionCredentialsCheck(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        String id = environment.getProperty(ADMIN_ID);
        String password = environment.getProperty(ADMIN_PASSWORD);
        String action = "Set the administrator with the environment variables CAMUNDA_BPM_ADMIN_USER_ID and "
                + "CAMUNDA_BPM_ADMIN_USER_PASSWORD (at least " + MINIMUM_PASSWORD_LENGTH + " characters, not a "
                + "well-known password), or run the demo with the 'demo' profile.";
        if (id == null || id.isBlank()) {
            throw new InsecureConfigurationException(
                    "No administrator is configured (" + ADMIN_ID + ") outside the demo profile.", action);
        }
        if (password == null || password.isBlank()) {
            throw new InsecureConfigurationException(
                    "The administrator '" + id + "' has no password configured (" + ADMIN_PASSWORD + ").", action);
        }
        String normalized = password.trim().toLowerCase(Locale.ROOT);
        // "vervang-door-…" is the placeholder of docker/.env.example: copied unchanged, it is public.
        if (WELL_KNOWN_PASSWORDS.contains(normalized) || normalized.startsWith("vervang-door")
                || normalized.equals(id.trim().toLowerCase(Locale.ROOT))
                || password.length() < MINIMUM_PASSWORD_LENGTH) {
            throw new InsecureConfigurationException(
                    "Refusing to start: the administrator password is a well-known, guessable or too short password.",
                    action);
        }
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        String configuredAdministrator = environment.getProperty(ADMIN_ID);
        for (DemoUsers.DemoUser demo : DemoUsers.USERS) {
            if (!demo.id().equals(configuredAdministrator) && processEngine.getIdentityService().createUserQuery().userId(demo.id()).count() > 0) {
                throw new InsecureConfigurationException(
                        "Refusing to start: the database holds the demo user '" + demo.id()
                                + "' (password 'demo') while the demo profile is not active.",
                        "Use a database without demo data for production, or remove the demo users in Admin.");
            }
        }
    }
}
