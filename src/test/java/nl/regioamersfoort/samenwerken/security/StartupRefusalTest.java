package nl.regioamersfoort.samenwerken.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.regioamersfoort.samenwerken.SamenwerkenApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.NestedExceptionUtils;

/** Outside the demo, the application will not start with credentials anybody could guess, nor without a profile. */
class StartupRefusalTest {

    @ParameterizedTest
    @ValueSource(strings = {"demo", "admin", "camunda", "Wachtwoord", "kort-1", "beheerder", "vervang-door-een-lang-eigen-wachtwoord"})
    void refusesAWellKnownOrShortAdministratorPassword(String password) {
        assertThatThrownBy(() -> start("--camunda.bpm.admin-user.id=beheerder", "--camunda.bpm.admin-user.password=" + password))
                .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e))
                        .isInstanceOf(InsecureConfigurationException.class)
                        .hasMessageContaining("administrator password"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "--camunda.bpm.admin-user.id=beheerder"})
    void refusesToStartWithoutAnAdministratorOrItsPassword(String argument) {
        assertThatThrownBy(() -> start(argument))
                .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e))
                        .isInstanceOf(InsecureConfigurationException.class)
                        .hasMessageContaining("administrator"));
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aBareJarWithoutAProfileRefusesToStartAndNamesTheChoices(CapturedOutput output) {
        // The in-memory database only matters if the refusal is broken: then nothing is left behind under ./data.
        assertThatThrownBy(() -> new SpringApplicationBuilder(SamenwerkenApplication.class)
                .web(WebApplicationType.NONE)
                .run("--spring.datasource.url=jdbc:h2:mem:without-profile")
                .close())
                .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e))
                        .isInstanceOf(InsecureConfigurationException.class)
                        .hasMessageContaining("No Spring profile is active"));
        assertThat(output).contains("APPLICATION FAILED TO START", "No Spring profile is active",
                "--spring.profiles.active=demo", "--spring.profiles.active=postgres");
        assertThat(output).doesNotContain("demo users", "Started SamenwerkenApplication");
    }

    @Test
    void theOperatorReadsWhatToDoInsteadOfAStackTrace() {
        InsecureConfigurationException cause = new InsecureConfigurationException("message", "action");
        var analysis = new InsecureConfigurationFailureAnalyzer().analyze(new IllegalStateException(cause));
        assertThat(analysis.getDescription()).isEqualTo("message");
        assertThat(analysis.getAction()).isEqualTo("action");
    }

    private static void start(String... arguments) {
        new SpringApplicationBuilder(SamenwerkenApplication.class)
                .profiles("test")
                .web(WebApplicationType.NONE)
                .run(arguments)
                .close();
    }
}
