package nl.regioamersfoort.samenwerken.herinnering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.regioamersfoort.samenwerken.SamenwerkenApplication;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.BindException;

/** A wrong reminder offset in the configuration stops the start with the property named. */
class ReminderSettingsTest {

    @ParameterizedTest
    @ValueSource(strings = {"-3", "veertien", "14,-1"})
    void aNegativeOrUnparsableOffsetStopsTheStart(String offsets) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(SamenwerkenApplication.class)
                .profiles("demo", "test")
                .web(WebApplicationType.NONE)
                .run("--samenwerken.herinneringen.werkdagen-vooraf=" + offsets)
                .close())
                .satisfies(e -> {
                    Throwable cause = e;
                    while (cause != null && !(cause instanceof BindException)) {
                        cause = cause.getCause();
                    }
                    assertThat(cause).as("a binding failure naming the property").isNotNull();
                    assertThat(((BindException) cause).getName().toString()).startsWith("samenwerken.herinneringen");
                });
    }
}
