package nl.regioamersfoort.samenwerken;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import nl.regioamersfoort.samenwerken.security.NodeMemory;
import nl.regioamersfoort.samenwerken.tasklist.TasklistFilters;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.ApplicationContext;

/**
 * The state of a freshly started application, taken once per application context, and the way back
 * to it before the next test class: no cases (running or in history), no domain rows but the
 * reference data, no deployments, people, groups, grants or filters that a test added, and nothing
 * a node remembers in memory. Test classes sharing a context thus each begin in the world a fresh
 * start gives, as they did when each had an application of its own, without the boot.
 */
final class CleanSlate {

    /** Reference data that Flyway migrations insert and no feature changes. */
    private static final Set<String> KEPT_TABLES = Set.of("municipality", "municipal_election", "flyway_schema_history");

    private final Set<String> deployments;
    private final Set<String> users;
    private final Set<String> groups;
    private final Set<String> authorizations;
    private final Set<String> filters;

    private CleanSlate(ProcessEngine engine) {
        deployments = ids(engine.getRepositoryService().createDeploymentQuery().list().stream().map(Deployment::getId).toList());
        users = ids(engine.getIdentityService().createUserQuery().list().stream().map(User::getId).toList());
        groups = ids(engine.getIdentityService().createGroupQuery().list().stream().map(Group::getId).toList());
        authorizations = ids(engine.getAuthorizationService().createAuthorizationQuery().list().stream().map(Authorization::getId).toList());
        filters = ids(engine.getFilterService().createFilterQuery().list().stream().map(Filter::getId).toList());
    }

    static CleanSlate of(ApplicationContext context) {
        return new CleanSlate(context.getBean(ProcessEngine.class));
    }

    void restore(ApplicationContext context) {
        ProcessEngine engine = context.getBean(ProcessEngine.class);
        IdentityService identity = engine.getIdentityService();
        identity.clearAuthentication();
        RuntimeService runtime = engine.getRuntimeService();
        List<String> running = runtime.createProcessInstanceQuery().rootProcessInstances().list().stream()
                .map(ProcessInstance::getId).toList();
        if (!running.isEmpty()) {
            runtime.deleteProcessInstancesIfExists(running, "schone lei tussen testklassen", true, true, false);
        }
        HistoryService history = engine.getHistoryService();
        List<String> finished = history.createHistoricProcessInstanceQuery().list().stream().map(HistoricProcessInstance::getId).toList();
        if (!finished.isEmpty()) {
            history.deleteHistoricProcessInstancesBulk(finished);
        }
        List<String> decided = history.createHistoricDecisionInstanceQuery().list().stream().map(HistoricDecisionInstance::getId).toList();
        if (!decided.isEmpty()) {
            history.deleteHistoricDecisionInstancesBulk(decided);
        }
        engine.getManagementService().createBatchQuery().list().stream().map(Batch::getId)
                .forEach(batch -> engine.getManagementService().deleteBatch(batch, true));
        engine.getRepositoryService().createDeploymentQuery().list().stream().map(Deployment::getId)
                .filter(id -> !deployments.contains(id))
                .forEach(id -> engine.getRepositoryService().deleteDeployment(id, true, true));
        identity.createUserQuery().list().stream().map(User::getId).filter(id -> !users.contains(id)).forEach(identity::deleteUser);
        identity.createGroupQuery().list().stream().map(Group::getId).filter(id -> !groups.contains(id)).forEach(identity::deleteGroup);
        engine.getAuthorizationService().createAuthorizationQuery().list().stream().map(Authorization::getId)
                .filter(id -> !authorizations.contains(id)).forEach(engine.getAuthorizationService()::deleteAuthorization);
        engine.getFilterService().createFilterQuery().list().stream().map(Filter::getId)
                .filter(id -> !filters.contains(id)).forEach(engine.getFilterService()::deleteFilter);
        // A test may have left another node's copy of a shared filter in place of the start's own.
        context.getBeanProvider(TasklistFilters.class).ifAvailable(TasklistFilters::afterSingletonsInstantiated);
        emptyDomainTables(context.getBean(DataSource.class));
        NodeMemory.forget(context);
    }

    /** Deletes every row of the domain tables, children before parents, whatever their foreign keys. */
    private static void emptyDomainTables(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            List<String> left = domainTables(connection);
            for (int round = 0; !left.isEmpty(); round++) {
                if (round > left.size() + 1) {
                    throw new IllegalStateException("Could not empty the domain tables " + left);
                }
                List<String> blocked = new ArrayList<>();
                for (String table : left) {
                    try (Statement statement = connection.createStatement()) {
                        statement.executeUpdate("DELETE FROM " + table);
                    } catch (SQLException referencedStill) {
                        blocked.add(table);
                    }
                }
                left = blocked;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not empty the domain tables", e);
        }
    }

    private static List<String> domainTables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        DatabaseMetaData metadata = connection.getMetaData();
        try (ResultSet found = metadata.getTables(connection.getCatalog(), connection.getSchema(), "%", new String[] {"TABLE"})) {
            while (found.next()) {
                String table = found.getString("TABLE_NAME");
                String lower = table.toLowerCase(Locale.ROOT);
                if (!lower.startsWith("act_") && !KEPT_TABLES.contains(lower)) {
                    tables.add(table);
                }
            }
        }
        return tables;
    }

    private static Set<String> ids(List<String> ids) {
        return new HashSet<>(ids);
    }
}
