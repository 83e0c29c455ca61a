package nl.regioamersfoort.samenwerken.budget;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import nl.regioamersfoort.samenwerken.gemeente.Municipalities;
import nl.regioamersfoort.samenwerken.gemeente.Municipality;
import nl.regioamersfoort.samenwerken.platform.form.InvalidInputException;
import nl.regioamersfoort.samenwerken.platform.text.Dutch;
import nl.regioamersfoort.samenwerken.platform.time.EngineClock;
import nl.regioamersfoort.samenwerken.platform.web.ApiRefusal;
import nl.regioamersfoort.samenwerken.platform.web.PageAnswers;
import nl.regioamersfoort.samenwerken.programma.Insight;
import nl.regioamersfoort.samenwerken.programma.Programme;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import nl.regioamersfoort.samenwerken.traject.ActivityStatus;
import nl.regioamersfoort.samenwerken.traject.LocalTrack;
import nl.regioamersfoort.samenwerken.traject.LocalTracks;
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
 * A municipality's activity money request in the browser, from its case file: the programme is the
 * track's, the activity one of its approved local activities from a list (or one of its own), with
 * what is left this year in view. The same rules and Dutch messages as the API; the process then
 * runs as it does for a request from Tasklist.
 */
@Controller
@RequestMapping("/dashboard/traject/{trackId}/activiteitengeld")
class ActivityMoneyPage {

    record Choice(String value, String label) {
    }

    record Entered(String activityId, String activity, String amount, List<String> targetGroups, String visibility) {
    }

    record Line(String activity, String amount, String status) {
    }

    private static final String NOT_YOURS = "Alleen een beleidsambtenaar van deze gemeente of de projectleider vraagt activiteitengeld aan.";

    private final ActivityMoneyApplications applications;
    private final ActivityMoney activityMoney;
    private final ActivityMoneyRequestRepository requests;
    private final LocalTracks tracks;
    private final Programmes programmes;
    private final Municipalities municipalities;

    ActivityMoneyPage(ActivityMoneyApplications applications, ActivityMoney activityMoney, ActivityMoneyRequestRepository requests,
            LocalTracks tracks, Programmes programmes, Municipalities municipalities) {
        this.applications = applications;
        this.activityMoney = activityMoney;
        this.requests = requests;
        this.tracks = tracks;
        this.programmes = programmes;
        this.municipalities = municipalities;
    }

    @GetMapping
    ModelAndView show(@PathVariable String trackId, Authentication caller) {
        return page(trackId, caller, HttpStatus.OK, null, null, new Entered("", "", "", List.of(), ""));
    }

    @PostMapping
    ModelAndView apply(@PathVariable String trackId, @RequestParam(defaultValue = "") String lokaleActiviteit,
            @RequestParam(defaultValue = "") String activiteit, @RequestParam(defaultValue = "") String bedrag,
            @RequestParam(required = false) List<String> doelgroepen, @RequestParam(defaultValue = "") String zichtbaarheid,
            Authentication caller) {
        Entered entered = new Entered(lokaleActiviteit, activiteit, bedrag, doelgroepen == null ? List.of() : doelgroepen, zichtbaarheid);
        Optional<LocalTrack> track = tracks.byId(trackId);
        if (track.isEmpty() || !ActivityMoneyApplications.mayApply(caller, track.get().getMunicipalityCode())) {
            return page(trackId, caller, HttpStatus.FORBIDDEN, null, NOT_YOURS, entered);
        }
        try {
            Long localActivity = lokaleActiviteit.isBlank() ? null : Long.valueOf(lokaleActiviteit.strip());
            String name = activiteit.isBlank() && localActivity != null
                    ? tracks.activity(localActivity).map(a -> a.getTitle()).orElse("") : activiteit;
            applications.apply(track.get().getProgrammeId(), track.get().getMunicipalityCode(), name, bedrag, entered.targetGroups(),
                    zichtbaarheid, localActivity);
            return page(trackId, caller, HttpStatus.OK, "Uw aanvraag voor '" + name.strip() + "' is ingediend. De wethouder besluit erover;"
                    + " u ziet de uitkomst hieronder.", null, new Entered("", "", "", List.of(), ""));
        } catch (NumberFormatException unknownActivity) {
            return page(trackId, caller, HttpStatus.BAD_REQUEST, null, "Kies een activiteit uit de lijst.", entered);
        } catch (InvalidInputException | ApiRefusal refused) {
            return page(trackId, caller, HttpStatus.BAD_REQUEST, null, refused.getMessage(), entered);
        }
    }

    private ModelAndView page(String trackId, Authentication caller, HttpStatus status, String done, String refusal, Entered entered) {
        Optional<LocalTrack> found = tracks.byId(trackId);
        if (found.isEmpty() || !Insight.of(caller).seesLocalStatusOf(found.get().getMunicipalityCode())) {
            // Another municipality's case and no case look the same: nobody learns which cases exist elsewhere.
            return PageAnswers.refused(HttpStatus.NOT_FOUND, "Dit dossier bestaat niet.");
        }
        if (!ActivityMoneyApplications.mayApply(caller, found.get().getMunicipalityCode())) {
            return PageAnswers.refused(HttpStatus.FORBIDDEN, NOT_YOURS);
        }
        LocalTrack track = found.get();
        Programme programme = programmes.get(track.getProgrammeId());
        String municipality = municipalities.byCode(track.getMunicipalityCode()).map(Municipality::getName).orElse(track.getMunicipalityCode());
        int year = EngineClock.today().getYear();
        List<Choice> activities = tracks.activities(track.getId()).stream()
                .filter(a -> a.getStatus() == ActivityStatus.GOEDGEKEURD)
                .map(a -> new Choice(String.valueOf(a.getId()), a.getTitle()))
                .toList();
        List<Choice> groups = Arrays.stream(TargetGroup.values()).map(g -> new Choice(g.name(), g.label())).toList();
        List<Line> lines = requests.findByProgrammeIdAndMunicipalityCodeOrderByIdDesc(programme.getId(), track.getMunicipalityCode()).stream()
                .map(r -> new Line(r.getActivity(), Dutch.euros(r.getAmountCents()), switch (r.getStatus()) {
                    case INGEDIEND -> "Ingediend";
                    case TOEGEKEND -> "Toegekend";
                    case AFGEWEZEN -> "Afgewezen" + (r.getReason() == null ? "" : ": " + r.getReason());
                }))
                .toList();
        boolean funded = municipalities.byCode(track.getMunicipalityCode()).map(Municipality::isFunded).orElse(false);
        return new ModelAndView("budget/activiteitengeld", status)
                .addObject("trackId", track.getId())
                .addObject("programme", programme)
                .addObject("municipality", municipality)
                .addObject("year", year)
                .addObject("left", funded ? Dutch.euros(activityMoney.remainingCents(programme, track.getMunicipalityCode(), year)) : null)
                .addObject("activities", activities)
                .addObject("groups", groups)
                .addObject("lines", lines)
                .addObject("entered", entered)
                .addObject("melding", done)
                .addObject("fout", refusal);
    }
}
