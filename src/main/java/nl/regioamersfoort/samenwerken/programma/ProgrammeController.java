package nl.regioamersfoort.samenwerken.programma;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.regioamersfoort.samenwerken.gemeente.Municipalities;
import nl.regioamersfoort.samenwerken.gemeente.Municipality;
import nl.regioamersfoort.samenwerken.platform.web.ApiRefusal;
import nl.regioamersfoort.samenwerken.security.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The programme API (contract in README.md): start, list and inspect programme periods; join, hand over and stop. */
@RestController
@RequestMapping("/api/programmas")
class ProgrammeController {

    /** Beheer's group: the one role that may stop a programme outside the BOSD's feedback moment. */
    static final String BEHEER = "beheer";

    private final Programmes programmes;
    private final ProgrammeStop programmeStop;
    private final Municipalities municipalities;
    private final ProgrammeProcess programmeProcess;
    private final Optional<TrackStatuses> trackStatuses;
    private final PortfolioHandOvers handOvers;

    ProgrammeController(Programmes programmes, ProgrammeStop programmeStop, Municipalities municipalities,
            ProgrammeProcess programmeProcess, Optional<TrackStatuses> trackStatuses, PortfolioHandOvers handOvers) {
        this.programmes = programmes;
        this.programmeStop = programmeStop;
        this.municipalities = municipalities;
        this.programmeProcess = programmeProcess;
        this.trackStatuses = trackStatuses;
        this.handOvers = handOvers;
    }

    @PostMapping
    ResponseEntity<Map<String, String>> start(@RequestBody ProgrammaAanvraag request, Principal principal) {
        Kalender calendar = request.kalender() == null ? new Kalender(null, null, null, null, null, null, null, null) : request.kalender();
        Programme programme = programmes.start(new NewProgramme(request.naam(), request.start(), request.einde(), request.gemeenten(),
                calendar.inventarisatie(), calendar.maatwerkplan(), calendar.overzichtOnderwerpen(), calendar.planVanAanpak(),
                calendar.terugkoppeling(), calendar.vergaderingen(), calendar.herinneringWerkdagen(), calendar.stuurgroepVergaderingen()),
                principal.getName());
        return ResponseEntity.created(URI.create("/api/programmas/" + programme.getId()))
                .body(Map.of("id", programme.getId(), "businessKey", programme.getId()));
    }

    /** The programmes the caller takes part in; others do not show. */
    @GetMapping
    List<ProgrammaSamenvatting> list(Authentication caller) {
        return programmes.visibleTo(Insight.of(caller)).stream()
                .map(p -> new ProgrammaSamenvatting(p.getId(), p.getName(), p.getStart(), p.getEnd(), p.getStatus()))
                .toList();
    }

    /**
     * A programme and its municipalities; where a municipality stands (phase, next deadline) only for
     * those who may see its local status (see {@link Insight}), and 404 for whoever takes no part in it.
     */
    @GetMapping("/{id}")
    Programma show(@PathVariable String id, Authentication caller) {
        Insight insight = Insight.of(caller);
        Programme programme = programmes.visibleTo(id, insight);
        ProgrammeCalendar calendar = programme.getCalendar();
        List<DeelnemendeGemeente> participants = programme.getParticipants().stream().map(participant -> {
            Municipality municipality = municipalities.byCode(participant.getMunicipalityCode()).orElseThrow();
            String regionalOnly = municipality.isFunded() ? null : "ALLEEN_REGIONAAL";
            if (!insight.seesLocalStatusOf(municipality.getCode())) {
                return new DeelnemendeGemeente(municipality.getCode(), municipality.getName(), municipality.isFunded(),
                        participant.getJoinedOn(), regionalOnly, null, false);
            }
            Optional<TrackStatuses.TrackStatus> status = trackStatuses.flatMap(s -> s.of(id, municipality.getCode()));
            return new DeelnemendeGemeente(municipality.getCode(), municipality.getName(), municipality.isFunded(),
                    participant.getJoinedOn(), status.map(TrackStatuses.TrackStatus::phase).orElse(regionalOnly),
                    status.map(TrackStatuses.TrackStatus::nextDue).orElse(null), true);
        }).toList();
        return new Programma(programme.getId(), programme.getName(), programme.getStart(), programme.getEnd(), programme.getStatus(),
                programme.getStatusReason(), new Kalender(calendar.inventory(), calendar.plan(), calendar.topics(), calendar.approach(),
                        calendar.feedback(), calendar.meetings(), programme.getReminderWorkingDays().orElse(null), calendar.steeringMeetings()),
                participants);
    }

    /**
     * The projectleider moves the meetings of the stuurgroep and the BOSD while the programme runs;
     * the regional track plans its next meeting by the new calendars.
     */
    @PutMapping("/{id}/vergaderingen")
    Vergaderingen reschedule(@PathVariable String id, @RequestBody Vergaderingen request, Authentication caller) {
        if (caller == null || caller.getAuthorities().stream().noneMatch(a -> Roles.PROJECTLEIDER.equals(a.getAuthority()))) {
            throw ApiRefusal.forbidden("Alleen de projectleider plant de vergaderingen van de stuurgroep en het BOSD.");
        }
        ProgrammeCalendar calendar = programmes.reschedule(id, request.bosd(), request.stuurgroep()).getCalendar();
        return new Vergaderingen(calendar.steeringMeetings(), calendar.meetings());
    }

    /** A municipality joins the running programme (message GemeenteTreedtToe). */
    @PostMapping("/{id}/gemeenten")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> join(@PathVariable String id, @RequestBody Toetreding request) {
        programmeProcess.requestJoin(id, request.gemeente(), request.datum());
        return Map.of("businessKey", Programmes.trackKey(id, request.gemeente()));
    }

    /**
     * A new portefeuillehouder takes over: the municipality's open wethouder tasks go to a person beheer
     * already made wethouder of it, and of nothing else (see {@link PortfolioHandOvers}).
     */
    @PostMapping("/{id}/portefeuillehouderwissel")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Wisseling handOver(@PathVariable String id, @RequestBody Wissel request, Authentication caller) {
        return Wisseling.of(handOvers.handOver(id, request.gemeente(), request.wethouder(), request.vorigeWethouder(), Insight.of(caller)));
    }

    /** The audit trail of hand-overs in this programme, for the projectleider and beheer. */
    @GetMapping("/{id}/portefeuillehouderwissel")
    List<Wisseling> handOvers(@PathVariable String id, Authentication caller) {
        if (!PortfolioHandOvers.mayHandOver(Insight.of(caller))) {
            throw ApiRefusal.forbidden("Alleen de projectleider en beheer zien de wisselingen van portefeuillehouder.");
        }
        return handOvers.trail(id).stream().map(Wisseling::of).toList();
    }

    /**
     * Beheer stops a running programme, with a reason that the programme then shows. Checked here as well as in
     * the security configuration: the engine runs our calls as server code, so this check is the one that counts.
     */
    @PostMapping("/{id}/stoppen")
    ResponseEntity<Map<String, String>> stop(@PathVariable String id, @RequestBody Stopverzoek request, Authentication caller) {
        if (caller == null || caller.getAuthorities().stream().noneMatch(a -> BEHEER.equals(a.getAuthority()))) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("melding",
                    "U heeft geen toegang tot deze functie: alleen beheer stopt een programma. Na de verkiezingen kiest het BOSD de koers."));
        }
        Programme programme = programmeStop.byAdministrator(id, request.reden(), caller.getName());
        return ResponseEntity.ok(Map.of("id", programme.getId(), "status", programme.getStatus().name(),
                "toelichting", programme.getStatusReason()));
    }

    record ProgrammaAanvraag(String naam, LocalDate start, LocalDate einde, List<String> gemeenten, Kalender kalender) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    /** {@code vergaderingen} are the BOSD's meetings, {@code stuurgroepVergaderingen} the stuurgroep's. */
    record Kalender(LocalDate inventarisatie, LocalDate maatwerkplan, LocalDate overzichtOnderwerpen, LocalDate planVanAanpak,
            LocalDate terugkoppeling, List<LocalDate> vergaderingen, List<Integer> herinneringWerkdagen,
            List<LocalDate> stuurgroepVergaderingen) {
    }

    /** The meeting calendars from today on. */
    record Vergaderingen(List<LocalDate> stuurgroep, List<LocalDate> bosd) {
    }

    record ProgrammaSamenvatting(String id, String naam, LocalDate start, LocalDate einde, ProgrammeStatus status) {
    }

    record Programma(String id, String naam, LocalDate start, LocalDate einde, ProgrammeStatus status, String toelichting,
            Kalender kalender, List<DeelnemendeGemeente> gemeenten) {
    }

    record DeelnemendeGemeente(String code, String naam, boolean gefinancierd, LocalDate deelnameVanaf, String fase,
            LocalDate volgendeDeadline, boolean statusZichtbaar) {
    }

    record Toetreding(String gemeente, LocalDate datum) {
    }

    record Stopverzoek(String reden) {
    }

    record Wissel(String gemeente, String wethouder, String vorigeWethouder) {
    }

    record Wisseling(String businessKey, String gemeente, String vorigeWethouder, String nieuweWethouder, String gevraagdDoor,
            LocalDateTime gevraagdOp, Integer overgedragenTaken) {

        static Wisseling of(PortfolioHandOver h) {
            return new Wisseling(Programmes.trackKey(h.getProgrammeId(), h.getMunicipalityCode()), h.getMunicipalityCode(), h.getPreviousHolder(),
                    h.getNewHolder(), h.getRequestedBy(), h.getRequestedAt(), h.getReroutedTasks());
        }
    }
}
