package nl.regioamersfoort.samenwerken.budget;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import nl.regioamersfoort.samenwerken.gemeente.Municipalities;
import nl.regioamersfoort.samenwerken.gemeente.Municipality;
import nl.regioamersfoort.samenwerken.platform.form.InvalidInputException;
import nl.regioamersfoort.samenwerken.platform.text.Dutch;
import nl.regioamersfoort.samenwerken.platform.time.EngineClock;
import nl.regioamersfoort.samenwerken.platform.web.PageAnswers;
import nl.regioamersfoort.samenwerken.programma.Programme;
import nl.regioamersfoort.samenwerken.programma.ProgrammeNotFoundException;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import nl.regioamersfoort.samenwerken.security.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The adviser books hours in the browser: a municipality with a funded track or regional work, the
 * day, the hours and what was done, with this year's total against the cap in view. The same rules
 * and Dutch messages as {@code POST /api/programmas/{id}/uren}; beyond the cap the projectleider
 * decides first.
 */
@Controller
@RequestMapping("/dashboard/programma/{id}/uren")
class AdviserHoursPage {

    /** An option of the municipality list; the empty code is regional work. */
    record Choice(String code, String name) {
    }

    record Line(String day, String municipality, String hours, String description) {
    }

    private final AdviserHours adviserHours;
    private final LedgerRepository ledger;
    private final Programmes programmes;
    private final Municipalities municipalities;

    AdviserHoursPage(AdviserHours adviserHours, LedgerRepository ledger, Programmes programmes, Municipalities municipalities) {
        this.adviserHours = adviserHours;
        this.ledger = ledger;
        this.programmes = programmes;
        this.municipalities = municipalities;
    }

    @GetMapping
    ModelAndView show(@PathVariable String id, Authentication caller) {
        return page(id, caller, HttpStatus.OK, null, null, new Entered("", EngineClock.today().toString(), "", ""));
    }

    @PostMapping
    ModelAndView book(@PathVariable String id, @RequestParam(defaultValue = "") String gemeente, @RequestParam(defaultValue = "") String datum,
            @RequestParam(defaultValue = "") String uren, @RequestParam(defaultValue = "") String omschrijving, Authentication caller) {
        Entered entered = new Entered(gemeente, datum, uren, omschrijving);
        if (!isAdviser(caller)) {
            return page(id, caller, HttpStatus.FORBIDDEN, null, "Alleen de adviseur boekt uren.", entered);
        }
        try {
            LocalDate day;
            try {
                day = datum.isBlank() ? null : LocalDate.parse(datum);
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("'" + datum + "' is geen datum.");
            }
            AdviserHours.Outcome outcome = adviserHours.book(id, gemeente, uren, day, omschrijving, caller.getName());
            String done = outcome.entry() != null ? uren.strip() + " uur geboekt."
                    : "Met deze uren gaat u boven het jaarplafond. De projectleider beoordeelt de boeking eerst; u ziet haar in de takenlijst.";
            return page(id, caller, HttpStatus.OK, done, null, new Entered(gemeente, datum, "", ""));
        } catch (InvalidInputException refused) {
            return page(id, caller, HttpStatus.BAD_REQUEST, null, refused.getMessage(), entered);
        }
    }

    record Entered(String municipality, String day, String hours, String description) {
    }

    private ModelAndView page(String id, Authentication caller, HttpStatus status, String done, String refusal, Entered entered) {
        Programme programme;
        try {
            programme = programmes.get(id);
        } catch (ProgrammeNotFoundException unknown) {
            return PageAnswers.refused(HttpStatus.NOT_FOUND, unknown.getMessage());
        }
        if (!isAdviser(caller)) {
            return PageAnswers.refused(HttpStatus.FORBIDDEN, "Alleen de adviseur boekt uren.");
        }
        int year = EngineClock.today().getYear();
        BigDecimal booked = ledger.hours(id, year);
        BigDecimal cap = programme.getAdviserHoursCap();
        List<Choice> choices = new java.util.ArrayList<>();
        choices.add(new Choice("", "Regionaal werk (geen gemeente)"));
        programmes.fundedParticipants(id).forEach(code ->
                choices.add(new Choice(code, municipalities.byCode(code).map(Municipality::getName).orElse(code))));
        List<Line> lines = new java.util.ArrayList<>(ledger.findByProgrammeIdAndYearOrderByIdAsc(id, year).stream()
                .filter(e -> e.getKind() == LedgerKind.UREN)
                .map(e -> new Line(Dutch.date(e.getBookedAt().toLocalDate()), e.getMunicipalityCode() == null ? "Regionaal"
                        : municipalities.byCode(e.getMunicipalityCode()).map(Municipality::getName).orElse(e.getMunicipalityCode()),
                        Dutch.hours(e.getHours()), e.getDescription()))
                .toList());
        // Newest first: what was just booked is on top.
        java.util.Collections.reverse(lines);
        return new ModelAndView("budget/uren", status)
                .addObject("programme", programme)
                .addObject("year", year)
                .addObject("booked", Dutch.hours(booked))
                .addObject("cap", Dutch.hours(cap))
                .addObject("left", Dutch.hours(cap.subtract(booked).max(BigDecimal.ZERO)))
                .addObject("choices", choices)
                .addObject("lines", lines)
                .addObject("entered", entered)
                .addObject("melding", done)
                .addObject("fout", refusal);
    }

    private static boolean isAdviser(Authentication caller) {
        return PageAnswers.hasRole(caller, Roles.ADVISEUR);
    }
}
