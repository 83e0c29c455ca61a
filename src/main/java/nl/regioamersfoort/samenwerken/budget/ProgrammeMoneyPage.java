package nl.regioamersfoort.samenwerken.budget;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import nl.regioamersfoort.samenwerken.gemeente.Municipalities;
import nl.regioamersfoort.samenwerken.gemeente.Municipality;
import nl.regioamersfoort.samenwerken.platform.form.FormInput;
import nl.regioamersfoort.samenwerken.platform.text.Dutch;
import nl.regioamersfoort.samenwerken.platform.time.EngineClock;
import nl.regioamersfoort.samenwerken.platform.web.ApiRefusal;
import nl.regioamersfoort.samenwerken.platform.web.PageAnswers;
import nl.regioamersfoort.samenwerken.programma.Programme;
import nl.regioamersfoort.samenwerken.programma.ProgrammeBudget;
import nl.regioamersfoort.samenwerken.programma.ProgrammeNotFoundException;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import nl.regioamersfoort.samenwerken.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The projectleider's money page of a programme: this year's activity money per municipality, a
 * refund of a grant that was not spent (the rules of {@code POST /api/programmas/{id}/terugbetalingen}),
 * and a correction of the yearly budget and hours, never below what this year already booked.
 */
@Controller
@RequestMapping("/dashboard/programma/{id}/geld")
class ProgrammeMoneyPage {

    private static final Logger log = LoggerFactory.getLogger(ProgrammeMoneyPage.class);
    private static final String NOT_YOURS = "Alleen de projectleider boekt terugbetalingen en past de begroting aan.";

    record Account(String municipality, String budget, String used, String left) {
    }

    record Grant(Long id, String label) {
    }

    private final ActivityMoney activityMoney;
    private final ActivityMoneyRequestRepository requests;
    private final LedgerRepository ledger;
    private final Programmes programmes;
    private final Municipalities municipalities;
    private final YearlyAccounts yearlyAccounts;

    ProgrammeMoneyPage(ActivityMoney activityMoney, ActivityMoneyRequestRepository requests, LedgerRepository ledger, Programmes programmes,
            Municipalities municipalities, YearlyAccounts yearlyAccounts) {
        this.activityMoney = activityMoney;
        this.requests = requests;
        this.ledger = ledger;
        this.programmes = programmes;
        this.municipalities = municipalities;
        this.yearlyAccounts = yearlyAccounts;
    }

    @GetMapping
    ModelAndView show(@PathVariable String id, Authentication caller) {
        if (!PageAnswers.hasRole(caller, Roles.PROJECTLEIDER)) {
            return PageAnswers.refused(HttpStatus.FORBIDDEN, NOT_YOURS);
        }
        Programme programme;
        try {
            programme = programmes.get(id);
        } catch (ProgrammeNotFoundException unknown) {
            return PageAnswers.refused(HttpStatus.NOT_FOUND, unknown.getMessage());
        }
        int year = EngineClock.today().getYear();
        List<Account> accounts = programmes.fundedParticipants(id).stream().map(code -> {
            long left = activityMoney.remainingCents(programme, code, year);
            long spent = ledger.spentCents(id, year, code);
            return new Account(name(code), Dutch.euros(left + spent), Dutch.euros(spent), Dutch.euros(left));
        }).toList();
        List<Grant> grants = requests.findByProgrammeIdAndStatusOrderByIdDesc(id, RequestStatus.TOEGEKEND).stream()
                .filter(r -> r.getYear() == year)
                .map(r -> {
                    long refunded = ledger.refundedCents(r.getId());
                    return new Grant(r.getId(), name(r.getMunicipalityCode()) + ": " + r.getActivity() + " (" + Dutch.euros(r.getAmountCents())
                            + " toegekend" + (refunded == 0 ? "" : ", " + Dutch.euros(refunded) + " terug") + ")");
                })
                .toList();
        // The charts picture this year's account, so they show what its PDF will; a year outside the programme has none.
        boolean running = year >= programme.getStart().getYear() && year <= programme.getEnd().getYear();
        return new ModelAndView("budget/geld")
                .addObject("programme", programme)
                .addObject("year", year)
                .addObject("charts", running ? BudgetCharts.of(yearlyAccounts.of(id, year)) : List.of())
                .addObject("accounts", accounts)
                .addObject("grants", grants)
                .addObject("ministry", euros(programme.getMinistryBudgetCents()))
                .addObject("activityMoney", euros(programme.getActivityMoneyCents()))
                .addObject("hoursCap", Dutch.hours(programme.getAdviserHoursCap()))
                .addObject("hoursBooked", Dutch.hours(ledger.hours(id, year)))
                .addObject("accountYears", java.util.stream.IntStream.rangeClosed(programme.getStart().getYear(),
                        Math.min(year, programme.getEnd().getYear())).boxed().toList());
    }

    @PostMapping("/terugbetaling")
    String refund(@PathVariable String id, @RequestParam(defaultValue = "") String aanvraag, @RequestParam(defaultValue = "") String bedrag,
            @RequestParam(defaultValue = "") String reden, Authentication caller, RedirectAttributes page) {
        return act(id, caller, page, "terugbetalen", () -> {
            Long request;
            try {
                request = Long.valueOf(aanvraag.strip());
            } catch (NumberFormatException e) {
                throw FormInput.invalid("Kies de toekenning waarvan geld terugkomt.");
            }
            LedgerEntry entry = activityMoney.refund(id, request, bedrag, reden, caller.getName());
            return Dutch.euros(-entry.getAmountCents()) + " is teruggeboekt naar het activiteitengeld van " + name(entry.getMunicipalityCode()) + ".";
        });
    }

    @PostMapping("/begroting")
    String changeBudget(@PathVariable String id, @RequestParam(defaultValue = "") String ministerie,
            @RequestParam(defaultValue = "") String activiteitengeld, @RequestParam(defaultValue = "") String uren, Authentication caller,
            RedirectAttributes page) {
        return act(id, caller, page, "begroting", () -> {
            Programme changed = programmes.changeBudget(id, ministerie, activiteitengeld, uren, budget -> stillFits(id, budget));
            log.info("Budget of {} changed by {}: ministry {} cents, activity money {} cents per municipality, {} adviser hours a year", id,
                    caller.getName(), changed.getMinistryBudgetCents(), changed.getActivityMoneyCents(), changed.getAdviserHoursCap());
            return "De begroting is aangepast: " + Dutch.euros(changed.getMinistryBudgetCents()) + " van het ministerie, "
                    + Dutch.euros(changed.getActivityMoneyCents()) + " activiteitengeld per gemeente en " + Dutch.hours(changed.getAdviserHoursCap())
                    + " adviesuren per jaar.";
        });
    }

    /** A budget below what this year already booked would leave grants or hours without cover. */
    private void stillFits(String id, ProgrammeBudget budget) {
        int year = EngineClock.today().getYear();
        for (String code : programmes.fundedParticipants(id)) {
            long used = ledger.spentCents(id, year, code);
            if (budget.activityMoneyCents() < used) {
                throw FormInput.invalid(name(code) + " kreeg in " + year + " al " + Dutch.euros(used) + " toegekend: het activiteitengeld per gemeente"
                        + " kan niet lager zijn dan dat.");
            }
        }
        BigDecimal booked = ledger.hours(id, year);
        if (budget.adviserHours().compareTo(booked) < 0) {
            throw FormInput.invalid("In " + year + " zijn al " + Dutch.hours(booked) + " adviesuren geboekt: het plafond kan niet lager zijn dan dat.");
        }
    }

    private static String act(String id, Authentication caller, RedirectAttributes page, String section, Supplier<String> action) {
        return PageAnswers.redirectAfter(page, "/dashboard/programma/" + UriUtils.encodePathSegment(id, StandardCharsets.UTF_8) + "/geld#"
                + section, () -> {
                    if (!PageAnswers.hasRole(caller, Roles.PROJECTLEIDER)) {
                        throw ApiRefusal.forbidden(NOT_YOURS);
                    }
                    return action.get();
                });
    }

    private static String euros(long cents) {
        return Dutch.euros(cents).replace("€", "").strip();
    }

    private String name(String code) {
        return municipalities.byCode(code).map(Municipality::getName).orElse(code);
    }
}
