package nl.regioamersfoort.samenwerken.herinnering;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When deadline mails go out: reminders a number of working days before a due date (default 14
 * and 3), and after the due date an escalation to the projectleider, repeated every interval; and
 * whether the weekly digest goes out at all (each person can still switch it off for themselves). A
 * wrong value stops the start-up with Spring Boot's description of the property.
 */
@Validated
@ConfigurationProperties("samenwerken.herinneringen")
public record ReminderSettings(
        @NotEmpty @DefaultValue({"14", "3"}) List<@NotNull @PositiveOrZero Integer> werkdagenVooraf,
        @NotNull @DefaultValue("P7D") Duration escalatieInterval,
        @DefaultValue("true") boolean weekoverzicht) {

    public ReminderSettings {
        if (escalatieInterval != null && (escalatieInterval.isNegative() || escalatieInterval.isZero())) {
            throw new IllegalArgumentException("samenwerken.herinneringen.escalatie-interval must be a positive duration, e.g. P7D");
        }
    }

    /** The escalation interval as the ISO-8601 duration a BPMN timer takes. */
    public String escalationTimerDuration() {
        return escalatieInterval.toString();
    }
}
