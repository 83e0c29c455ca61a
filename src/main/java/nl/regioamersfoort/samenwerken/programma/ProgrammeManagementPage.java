package nl.regioamersfoort.samenwerken.programma;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import nl.regioamersfoort.samenwerken.gemeente.Municipalities;
import nl.regioamersfoort.samenwerken.gemeente.Municipality;
import nl.regioamersfoort.samenwerken.platform.form.FormInput;
import nl.regioamersfoort.samenwerken.platform.text.Dutch;
import nl.regioamersfoort.samenwerken.platform.time.EngineClock;
import nl.regioamersfoort.samenwerken.platform.web.ApiRefusal;
import nl.regioamersfoort.samenwerken.platform.web.PageAnswers;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The projectleider's page of a running programme: the meeting calendars of the stuurgroep and the
 * BOSD, and a municipality that joins. The same rules and Dutch messages as the API
 * ({@code PUT /api/programmas/{id}/vergaderingen}, {@code POST /api/programmas/{id}/gemeenten}).
 */
@Controller
@RequestMapping("/dashboard/programma/{id}/beheren")
class ProgrammeManagementPage {

    /** Empty date fields below the planned meetings, for new ones. */
    private static final int NEW_MEETING_FIELDS = 2;
    private static final String NOT_YOURS = "Alleen de projectleider plant de vergaderingen en laat gemeenten toetreden.";

    record Choice(String code, String name) {
    }

    record Participation(String name, String since, String funded) {
    }

    private final Programmes programmes;
    private final ProgrammeProcess programmeProcess;
    private final Municipalities municipalities;

    ProgrammeManagementPage(Programmes programmes, ProgrammeProcess programmeProcess, Municipalities municipalities) {
        this.programmes = programmes;
        this.programmeProcess = programmeProcess;
        this.municipalities = municipalities;
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
        LocalDate today = EngineClock.today();
        ProgrammeCalendar calendar = programme.getCalendar();
        List<Choice> joinable = municipalities.all().stream()
                .filter(m -> programme.participant(m.getCode()).isEmpty())
                .map(m -> new Choice(m.getCode(), m.getName()))
                .toList();
        List<Participation> participants = programme.getParticipants().stream().map(p -> {
            Municipality m = municipalities.byCode(p.getMunicipalityCode()).orElseThrow();
            return new Participation(m.getName(), Dutch.date(p.getJoinedOn()), m.isFunded() ? "Maatwerkondersteuning" : "Alleen regionaal");
        }).toList();
        return new ModelAndView("programma/beheren")
                .addObject("programme", programme)
                .addObject("running", programme.getStatus() == ProgrammeStatus.LOPEND)
                .addObject("held", held(calendar.steeringMeetings(), calendar.meetings(), today))
                .addObject("steering", fields(calendar.steeringMeetings(), today))
                .addObject("bosd", fields(calendar.meetings(), today))
                .addObject("today", today.toString())
                .addObject("joinable", joinable)
                .addObject("participants", participants);
    }

    @PostMapping("/vergaderingen")
    String reschedule(@PathVariable String id, @RequestParam(required = false) List<String> stuurgroep,
            @RequestParam(required = false) List<String> bosd, Authentication caller, RedirectAttributes page) {
        return act(id, caller, page, "vergaderingen", () -> {
            Programme programme = programmes.reschedule(id, dates(bosd, "BOSD"), dates(stuurgroep, "stuurgroep"));
            return "De vergaderingen zijn opgeslagen. Het regionale spoor plant de volgende vergadering op de nieuwe kalender ("
                    + programme.getCalendar().meetings().size() + " BOSD-vergaderingen in de looptijd).";
        });
    }

    @PostMapping("/toetreden")
    String join(@PathVariable String id, @RequestParam(defaultValue = "") String gemeente, @RequestParam(defaultValue = "") String datum,
            Authentication caller, RedirectAttributes page) {
        return act(id, caller, page, "toetreden", () -> {
            programmeProcess.requestJoin(id, gemeente, FormInput.date(datum, "Datum van toetreding"));
            String name = municipalities.byCode(gemeente).map(Municipality::getName).orElse(gemeente);
            return name + " doet mee" + (programmes.isFunded(gemeente)
                    ? "; de beleidsambtenaar vindt de inventarisatie in de takenlijst." : ", alleen regionaal.");
        });
    }

    private static String act(String id, Authentication caller, RedirectAttributes page, String section, Supplier<String> action) {
        return PageAnswers.redirectAfter(page, "/dashboard/programma/" + UriUtils.encodePathSegment(id, StandardCharsets.UTF_8) + "/beheren#"
                + section, () -> {
                    if (!PageAnswers.hasRole(caller, Roles.PROJECTLEIDER)) {
                        throw ApiRefusal.forbidden(NOT_YOURS);
                    }
                    return action.get();
                });
    }

    /** The planned meetings from today on, then empty fields for new ones. */
    private static List<String> fields(List<LocalDate> meetings, LocalDate today) {
        List<String> fields = new ArrayList<>(meetings.stream().filter(d -> !d.isBefore(today)).map(LocalDate::toString).toList());
        for (int i = 0; i < NEW_MEETING_FIELDS; i++) {
            fields.add("");
        }
        return fields;
    }

    private static String held(List<LocalDate> steering, List<LocalDate> bosd, LocalDate today) {
        long held = steering.stream().filter(d -> d.isBefore(today)).count() + bosd.stream().filter(d -> d.isBefore(today)).count();
        return held == 0 ? null : held + (held == 1 ? " vergadering is" : " vergaderingen zijn") + " al gehouden en veranderen niet meer.";
    }

    /** The filled-in date fields; an empty field is a meeting taken off the calendar. */
    private static List<LocalDate> dates(List<String> fields, String body) {
        List<LocalDate> dates = new ArrayList<>();
        for (String field : fields == null ? List.<String>of() : fields) {
            LocalDate date = FormInput.date(field, "Vergadering van de " + body);
            if (date != null) {
                dates.add(date);
            }
        }
        return dates;
    }

}
