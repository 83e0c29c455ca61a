package nl.regioamersfoort.samenwerken.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import nl.regioamersfoort.samenwerken.platform.mail.ComposedMail;
import nl.regioamersfoort.samenwerken.platform.mail.MailTemplates;
import org.junit.jupiter.api.Test;

class HoursSignalMailTest {

    private final HoursSignalMail mail = new HoursSignalMail(new MailTemplates("http://samenwerken.example.org/"));

    @Test
    void hoursSignalSaysHowFarTheAdviserIsInDutchWithTheProgrammeNameEscaped() {
        ComposedMail at80 = mail.compose("Sanne Vermeulen", "p-1", "I&D <b>2024</b>", 2024, 80,
                new BigDecimal("320.50"), new BigDecimal("400"));
        assertThat(at80.subject()).isEqualTo("Adviesuren 2024: 80% van het jaarplafond geboekt");
        assertThat(at80.text()).contains("320,5 van de 400 adviesuren", "80% van het jaarplafond", "resterende 79,5 uur",
                "http://samenwerken.example.org/api/programmas/p-1/verantwoording/2024.pdf");
        assertThat(at80.html()).contains("I&amp;D &lt;b&gt;2024&lt;/b&gt;").doesNotContain("<b>2024</b>");
        assertThat(at80.ics()).isNull();

        ComposedMail beyond = mail.compose("Sanne", "p-1", "I&D", 2024, 100, new BigDecimal("408"),
                new BigDecimal("400"));
        assertThat(beyond.subject()).isEqualTo("Adviesuren 2024: het jaarplafond van 400 uur is bereikt");
        assertThat(beyond.text()).contains("102% van het jaarplafond, en met uw goedkeuring daarboven", "alleen geboekt als u ze goedkeurt");
    }
}
