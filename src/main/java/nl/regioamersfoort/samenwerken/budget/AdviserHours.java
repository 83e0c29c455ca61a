package nl.regioamersfoort.samenwerken.budget;

import java.math.BigDecimal;
import java.time.LocalDate;
import nl.regioamersfoort.samenwerken.engine.EngineClock;
import nl.regioamersfoort.samenwerken.engine.FormInput;
import nl.regioamersfoort.samenwerken.gemeente.Municipality;
import nl.regioamersfoort.samenwerken.gemeente.MunicipalityRepository;
import nl.regioamersfoort.samenwerken.programma.Programme;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The adviser (Art. 1 MN) books hours per municipality or for regional tasks, within the yearly cap. */
@Service
public class AdviserHours {

    private final LedgerRepository ledger;
    private final Programmes programmes;
    private final MunicipalityRepository municipalities;

    AdviserHours(LedgerRepository ledger, Programmes programmes, MunicipalityRepository municipalities) {
        this.ledger = ledger;
        this.programmes = programmes;
        this.municipalities = municipalities;
    }

    @Transactional
    public LedgerEntry book(String programmeId, String municipalityCode, Object hours, LocalDate day, String description, String bookedBy) {
        Programme programme = programmes.get(programmeId);
        if (municipalityCode != null && !municipalityCode.isBlank()) {
            Municipality municipality = municipalities.findById(municipalityCode)
                    .orElseThrow(() -> FormInput.invalid("Onbekende gemeente: " + FormInput.quoted(municipalityCode) + "."));
            if (programme.participant(municipality.getCode()).isEmpty()) {
                throw FormInput.invalid(municipality.getName() + " doet niet mee aan dit programma.");
            }
        }
        if (day == null) {
            throw FormInput.invalid("Geef de datum van het werk.");
        }
        if (day.getYear() != EngineClock.today().getYear() || day.isAfter(EngineClock.today())) {
            throw FormInput.invalid("Uren worden geboekt in het lopende jaar en niet vooruit; " + day.getYear() + " is afgesloten of nog niet begonnen.");
        }
        if (day.isBefore(programme.getStart()) || day.isAfter(programme.getEnd())) {
            throw FormInput.invalid("De datum valt buiten de looptijd van het programma.");
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(String.valueOf(hours).strip().replace(",", "."));
        } catch (NumberFormatException e) {
            throw FormInput.invalid(FormInput.quoted(hours) + " is geen aantal uren. Schrijf bijvoorbeeld 2,5.");
        }
        if (amount.signum() <= 0 || amount.scale() > 2 || amount.compareTo(new BigDecimal("24")) > 0) {
            throw FormInput.invalid("Boek per keer meer dan 0 en hoogstens 24 uur, met hoogstens twee decimalen.");
        }
        if (description == null || description.isBlank() || description.length() > 500) {
            throw FormInput.invalid("Omschrijf het werk in hoogstens 500 tekens.");
        }
        BigDecimal booked = ledger.hours(programmeId, day.getYear());
        if (booked.add(amount).compareTo(programme.getAdviserHoursCap()) > 0) {
            throw FormInput.invalid("Met deze uren gaat de adviseur boven het plafond van " + programme.getAdviserHoursCap().stripTrailingZeros().toPlainString()
                    + " uur per jaar (al geboekt: " + booked.stripTrailingZeros().toPlainString() + "). Daarvoor is goedkeuring van de projectleider nodig.");
        }
        return ledger.save(LedgerEntry.hours(programmeId, day.getYear(), municipalityCode == null || municipalityCode.isBlank() ? null
                : municipalityCode, amount, description.strip(), null, bookedBy, EngineClock.now()));
    }
}
