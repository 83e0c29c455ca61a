package nl.regioamersfoort.samenwerken.programma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.regioamersfoort.samenwerken.platform.form.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The money of a new period as the BOSD types it into the continuation decision, the Dutch way. */
class ContinuationFundingTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "50.000        | 5000000",
        "50000         | 5000000",
        "€ 50.000,00   | 5000000",
        "1.250.000     | 125000000",
        "2500,50       | 250050",
        "2.500,5       | 250050",
        "12.5          | 1250",
        "0             | 0"})
    void euros(String typed, long cents) {
        assertThat(ProgrammeProcess.euroCents(typed, "Budget per jaar (€)")).isEqualTo(cents);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "veel         | is geen bedrag",
        "-100         | een bedrag van 0 tot 10 miljoen euro",
        "10.000.000   | een bedrag van 0 tot 10 miljoen euro",
        "3,001        | hoogstens twee cijfers achter de komma"})
    void refusedInDutch(String typed, String message) {
        assertThatThrownBy(() -> ProgrammeProcess.euroCents(typed, "Budget per jaar (€)")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'Budget per jaar (€)'").hasMessageContaining(message);
    }
}
