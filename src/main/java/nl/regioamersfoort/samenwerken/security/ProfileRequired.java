package nl.regioamersfoort.samenwerken.security;

import java.util.Arrays;
import nl.regioamersfoort.samenwerken.SamenwerkenApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.AbstractEnvironment;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Samenwerken starts only with a profile chosen on purpose: a bare {@code java -jar} once ran the
 * demo, with its demo people whose password is "demo". Checked as soon as the configuration is read
 * (registered in META-INF/spring.factories), before any database or engine exists, and after logging
 * is set up, so that the operator reads the refusal instead of a stack trace.
 */
class ProfileRequired implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        // Other Spring Boot applications on the same classpath (the tests' bare Camunda) are not ours to judge.
        if (!event.getSpringApplication().getAllSources().contains(SamenwerkenApplication.class)) {
            return;
        }
        ConfigurableEnvironment environment = event.getEnvironment();
        boolean chosen = environment.getActiveProfiles().length > 0
                || !Arrays.equals(environment.getDefaultProfiles(), new String[] {AbstractEnvironment.RESERVED_DEFAULT_PROFILE_NAME});
        if (!chosen) {
            throw new InsecureConfigurationException(
                    "No Spring profile is active. Samenwerken does not guess whether this is a demo or production.",
                    "Start with a profile: --spring.profiles.active=demo (or SPRING_PROFILES_ACTIVE=demo) for the demo "
                            + "(H2 database under ./data, demo people with password 'demo'), or "
                            + "--spring.profiles.active=postgres (or SPRING_PROFILES_ACTIVE=postgres) for production "
                            + "(PostgreSQL, an administrator from CAMUNDA_BPM_ADMIN_USER_ID and CAMUNDA_BPM_ADMIN_USER_PASSWORD).");
        }
    }

    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }
}
