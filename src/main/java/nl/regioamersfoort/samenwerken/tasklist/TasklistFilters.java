package nl.regioamersfoort.samenwerken.tasklist;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The saved filters everyone sees in Tasklist. The queries are expressions evaluated per person when
 * the filter runs, so one global filter serves every municipality; which tasks a person may see at
 * all is still decided by the task authorizations. Runs at every start and only adds what is missing.
 */
@Component
public class TasklistFilters implements SmartInitializingSingleton {

    public static final String MY_TASKS = "Mijn taken";
    public static final String MY_GROUPS_TASKS = "Taken van mijn gemeente";
    public static final String OVERDUE = "Over de termijn";
    public static final String ALL_TASKS = "Alle taken";

    private static final Logger log = LoggerFactory.getLogger(TasklistFilters.class);

    private final FilterService filterService;
    private final TaskService taskService;
    private final AuthorizationService authorizationService;

    TasklistFilters(FilterService filterService, TaskService taskService, AuthorizationService authorizationService) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.authorizationService = authorizationService;
    }

    @Override
    public void afterSingletonsInstantiated() {
        // Tasklist opens the filter with the lowest priority: "Mijn taken" first, "Alle taken" last.
        ensureFilter(MY_TASKS, "Taken die aan u zijn toegewezen", -40,
                () -> taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        ensureFilter(MY_GROUPS_TASKS, "Taken voor uw groepen, ook als een collega ze al heeft opgepakt", -30,
                () -> taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
        ensureFilter(OVERDUE, "Taken waarvan de uiterste datum voorbij is", -20,
                () -> taskService.createTaskQuery().dueBeforeExpression("${now()}"));
        ensureFilter(ALL_TASKS, "Alle taken die u mag zien", -10, taskService::createTaskQuery);
    }

    private void ensureFilter(String name, String description, int priority, Supplier<TaskQuery> query) {
        if (shared(name).isEmpty()) {
            Filter filter = filterService.newTaskFilter(name)
                    .setQuery(query.get())
                    .setProperties(Map.of("description", description, "priority", priority, "refresh", true));
            filterService.saveFilter(filter);
            Authorization read = authorizationService.createNewAuthorization(AUTH_TYPE_GLOBAL);
            read.setUserId(Authorization.ANY);
            read.setResource(Resources.FILTER);
            read.setResourceId(filter.getId());
            read.addPermission(Permissions.READ);
            authorizationService.saveAuthorization(read);
            log.info("Created Tasklist filter '{}'", name);
        }
        keepOne(name);
    }

    /** Ours have no owner; a person's own filter in Tasklist may carry the same name and is left alone. */
    private List<Filter> shared(String name) {
        return filterService.createFilterQuery().filterName(name).list().stream()
                .filter(filter -> filter.getOwner() == null)
                .toList();
    }

    /**
     * Filter names are not unique in the database: two nodes starting at once may both have created
     * the filter. Every node keeps the same one (the smallest id) and removes the others.
     */
    private void keepOne(String name) {
        shared(name).stream().sorted(Comparator.comparing(Filter::getId)).skip(1).forEach(duplicate -> {
            try {
                filterService.deleteFilter(duplicate.getId());
                log.info("Removed a second Tasklist filter '{}' ({})", name, duplicate.getId());
            } catch (ProcessEngineException alreadyRemovedByAnotherNode) {
                log.debug("Filter {} was already removed", duplicate.getId(), alreadyRemovedByAnotherNode);
            }
        });
    }
}
