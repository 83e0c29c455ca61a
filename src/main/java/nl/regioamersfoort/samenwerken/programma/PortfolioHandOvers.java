package nl.regioamersfoort.samenwerken.programma;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import nl.regioamersfoort.samenwerken.gemeente.Municipalities;
import nl.regioamersfoort.samenwerken.gemeente.Municipality;
import nl.regioamersfoort.samenwerken.platform.form.FormInput;
import nl.regioamersfoort.samenwerken.platform.time.EngineClock;
import nl.regioamersfoort.samenwerken.platform.web.ApiRefusal;
import nl.regioamersfoort.samenwerken.security.Roles;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A change of portefeuillehouder: the open wethouder tasks and pending consent requests of one
 * municipality go to the person who now holds the portfolio. Who that person is, and which groups
 * they are in, is beheer's business in Camunda Admin; a hand-over only re-routes work to someone
 * beheer already made wethouder of that municipality, and of nothing else. It changes no group
 * membership and removes nobody, so no hand-over can make anyone a wethouder.
 */
@Service
class PortfolioHandOvers {

    static final String MESSAGE = "PortefeuillehouderGewisseld";
    static final String HAND_OVER_ID = "portefeuillehouderwisselId";
    private static final Logger log = LoggerFactory.getLogger(PortfolioHandOvers.class);

    private final Programmes programmes;
    private final Municipalities municipalities;
    private final PortfolioHandOverRepository trail;
    private final IdentityService identityService;
    private final RuntimeService runtimeService;
    private final TaskService taskService;

    PortfolioHandOvers(Programmes programmes, Municipalities municipalities, PortfolioHandOverRepository trail,
            IdentityService identityService, RuntimeService runtimeService, TaskService taskService) {
        this.programmes = programmes;
        this.municipalities = municipalities;
        this.trail = trail;
        this.identityService = identityService;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
    }

    /** Only the projectleider and beheer hand a portfolio over. */
    static boolean mayHandOver(Insight caller) {
        return caller.groups().contains(Roles.PROJECTLEIDER) || caller.groups().contains(Roles.BEHEER);
    }

    /**
     * Checks the request, writes it to the audit trail and lets the programme process re-route the
     * tasks (message {@value #MESSAGE} to exactly this programme's instance). A refusal changes nothing.
     */
    @Transactional
    PortfolioHandOver handOver(String programmeId, String municipalityCode, String newHolder, String declaredPrevious, Insight caller) {
        if (!mayHandOver(caller)) {
            throw ApiRefusal.forbidden("Alleen de projectleider of beheer draagt de taken van een wethouder over.");
        }
        Programme programme = programmes.get(programmeId);
        if (blank(municipalityCode) || blank(newHolder)) {
            throw FormInput.invalid("Geef de gemeente en de nieuwe wethouder.");
        }
        Municipality municipality = municipalities.byCode(municipalityCode)
                .orElseThrow(() -> FormInput.invalid("Onbekende gemeente: " + FormInput.quoted(municipalityCode) + "."));
        String name = municipality.getName();
        if (programme.participant(municipality.getCode()).isEmpty()) {
            throw FormInput.invalid(name + " doet niet mee aan dit programma.");
        }
        if (!municipality.isFunded()) {
            throw FormInput.invalid(name + " neemt alleen regionaal deel en heeft in dit programma geen wethoudertaken.");
        }
        ProcessInstance instance = runningInstance(programme);
        if (identityService.createUserQuery().userId(newHolder).count() == 0) {
            throw FormInput.invalid("Onbekende gebruiker voor de nieuwe wethouder: " + FormInput.quoted(newHolder) + ".");
        }
        if (newHolder.equals(caller.userId())) {
            throw ApiRefusal.forbidden("U kunt de taken van de wethouder van " + name + " niet aan uzelf overdragen.");
        }
        String group = Roles.wethouder(municipality.getCode());
        Set<String> groups = groupsOf(newHolder);
        if (!groups.contains(group)) {
            throw ApiRefusal.conflict(FormInput.quoted(newHolder) + " is geen lid van de groep '" + group + "'. Beheer zet de nieuwe "
                    + "wethouder eerst in die groep (in Camunda Admin); daarna draagt u de taken over.");
        }
        groups.remove(group);
        if (!groups.isEmpty()) {
            throw ApiRefusal.conflict(FormInput.quoted(newHolder) + " is ook lid van " + String.join(", ", groups) + ". De wethouder van "
                    + name + " heeft geen andere rol en hoort bij geen andere gemeente; beheer past dat eerst aan in Camunda Admin.");
        }
        String previous = previousHolder(programme.getId(), municipality, newHolder, declaredPrevious);
        if (newHolder.equals(previous)) {
            throw ApiRefusal.conflict(FormInput.quoted(newHolder) + " heeft de taken van de wethouder van " + name + " al.");
        }
        PortfolioHandOver handOver = trail.save(new PortfolioHandOver(programme.getId(), municipality.getCode(), previous, newHolder,
                caller.userId(), EngineClock.now()));
        ProgrammeNotRunningException.correlate(runtimeService.createMessageCorrelation(MESSAGE)
                .processInstanceId(instance.getId())
                .setVariable(HAND_OVER_ID, handOver.getId()));
        return handOver;
    }

    /** "Wethoudertaken overdragen": the open wethouder tasks of the municipality's local track go to the new person. */
    void reroute(Long handOverId, String programmeId) {
        PortfolioHandOver handOver = (handOverId == null ? Optional.<PortfolioHandOver>empty() : trail.findById(handOverId))
                .filter(h -> h.getProgrammeId().equals(programmeId) && h.getReroutedTasks() == null)
                .orElseThrow(() -> FormInput.invalid("Een wissel van portefeuillehouder gaat via de Samenwerken-API "
                        + "(POST /api/programmas/" + programmeId + "/portefeuillehouderwissel), niet met een los bericht."));
        String code = handOver.getMunicipalityCode();
        String name = municipalities.byCode(code).map(Municipality::getName).orElse(code);
        // Exact business keys: the track and the gates and money requests called from it, never another programme's.
        String trackKey = Programmes.trackKey(programmeId, code);
        List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(trackKey)
                .taskCandidateGroup(Roles.wethouder(code)).includeAssignedTasks().list();
        for (Task task : tasks) {
            taskService.setAssignee(task.getId(), handOver.getNewHolder());
            taskService.createComment(task.getId(), task.getProcessInstanceId(), "Opnieuw voorgelegd aan " + handOver.getNewHolder()
                    + " na de wisseling van portefeuillehouder in " + name + " (gevraagd door " + handOver.getRequestedBy() + ").");
        }
        handOver.rerouted(tasks.size());
        log.info("Handed {} open wethouder task(s) of {} to {} (asked by {})", tasks.size(), trackKey, handOver.getNewHolder(),
                handOver.getRequestedBy());
    }

    @Transactional(readOnly = true)
    List<PortfolioHandOver> trail(String programmeId) {
        return trail.findByProgrammeIdOrderByIdAsc(programmes.get(programmeId).getId());
    }

    private ProcessInstance runningInstance(Programme programme) {
        List<ProcessInstance> running = runtimeService.createProcessInstanceQuery().processDefinitionKey(Programmes.PROCESS_KEY)
                .processInstanceBusinessKey(programme.getId()).active().list();
        if (programme.getStatus() != ProgrammeStatus.LOPEND || running.size() != 1) {
            throw ApiRefusal.conflict("Het programma loopt niet (meer): er zijn geen wethoudertaken over te dragen.");
        }
        return running.get(0);
    }

    /**
     * Who held the portfolio: the person of the last hand-over; before the first one, the person the
     * caller names (a member of the wethouder group), or else the group's other members.
     */
    private String previousHolder(String programmeId, Municipality municipality, String newHolder, String declared) {
        String group = Roles.wethouder(municipality.getCode());
        Optional<PortfolioHandOver> last = trail.findFirstByProgrammeIdAndMunicipalityCodeOrderByIdDesc(programmeId,
                municipality.getCode());
        if (last.isPresent()) {
            return last.get().getNewHolder();
        }
        if (!blank(declared)) {
            if (identityService.createUserQuery().userId(declared).memberOfGroup(group).count() == 0) {
                throw FormInput.invalid(FormInput.quoted(declared) + " is geen wethouder van " + municipality.getName() + ".");
            }
            return declared;
        }
        String others = identityService.createUserQuery().memberOfGroup(group).list().stream().map(User::getId)
                .filter(id -> !id.equals(newHolder)).sorted().collect(Collectors.joining(", "));
        return others.isEmpty() ? null : others.substring(0, Math.min(others.length(), 400));
    }

    private Set<String> groupsOf(String userId) {
        return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
