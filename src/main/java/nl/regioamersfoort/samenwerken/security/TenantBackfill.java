package nl.regioamersfoort.samenwerken.security;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import nl.regioamersfoort.samenwerken.platform.engine.OwnedProcesses;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Cases started before municipalities were tenants (Samenwerken before issue 13) have no tenant,
 * and a case without a tenant is readable by every municipality whose role may read that process.
 * At every start, before anyone logs in, each local process instance without a tenant (running or
 * in the history) gets its municipality's: the code of its variable {@code gemeente}, where the
 * business key is {@code <programmaId>-<gemeente>}, or else {@value #NO_MUNICIPALITY}, a tenant
 * nobody is a member of, so that only beheer sees it. The engine offers no command for this: the
 * tenant column of each of the instance's rows is set, in every engine table that has one.
 * The authorization rows the old design wrote per task and per case go: nothing reads them any more,
 * and every check would still scan them. Doing nothing costs one query once every case has its tenant;
 * two nodes starting at once do the same harmless work.
 */
@Component
@Order(1)
class TenantBackfill implements SmartInitializingSingleton {

    /** The tenant of a local case whose municipality cannot be told: no member, beheer only. */
    static final String NO_MUNICIPALITY = "geen-gemeente";

    private static final Logger log = LoggerFactory.getLogger(TenantBackfill.class);

    private final HistoryService historyService;
    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final Set<String> localProcesses;

    TenantBackfill(HistoryService historyService, DataSource dataSource, List<OwnedProcesses> features) {
        this.historyService = historyService;
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.localProcesses = OwnedProcesses.localOf(features);
    }

    @Override
    public void afterSingletonsInstantiated() {
        run();
    }

    /** The number of cases that got their tenant. */
    int run() {
        List<HistoricProcessInstance> withoutTenant = historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKeyIn(localProcesses.toArray(String[]::new)).withoutTenantId().list();
        removeRowsPerTaskAndCase();
        if (withoutTenant.isEmpty()) {
            return 0;
        }
        Map<String, List<String>> columnsByTable = processInstanceColumns();
        for (HistoricProcessInstance instance : withoutTenant) {
            String tenant = municipalityOf(instance);
            int rows = 0;
            for (var table : columnsByTable.entrySet()) {
                for (String column : table.getValue()) {
                    rows += jdbc.update("update " + table.getKey() + " set TENANT_ID_ = ? where " + column + " = ? and TENANT_ID_ is null",
                            tenant, instance.getId());
                }
            }
            log.info("Case {} ({}, {}) now belongs to tenant {} ({} rows)", instance.getId(), instance.getProcessDefinitionKey(),
                    instance.getBusinessKey(), tenant, rows);
        }
        return withoutTenant.size();
    }

    private String municipalityOf(HistoricProcessInstance instance) {
        // The case's own variables (their scope is the process instance), not those of a step inside it.
        Map<String, Object> variables = new HashMap<>();
        for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableNameIn("gemeente", "programmaId").list()) {
            if (instance.getId().equals(variable.getActivityInstanceId())) {
                variables.put(variable.getName(), variable.getValue());
            }
        }
        Object code = variables.get("gemeente");
        Object programmeId = variables.get("programmaId");
        if (code instanceof String value && MunicipalityTenants.MUNICIPALITY_CODE.matcher(value).matches() && programmeId instanceof String
                && (programmeId + "-" + value).equals(instance.getBusinessKey())) {
            return value;
        }
        log.warn("Case {} ({}, business key '{}') names no municipality that fits its business key: only beheer will see it (tenant {})",
                instance.getId(), instance.getProcessDefinitionKey(), instance.getBusinessKey(), NO_MUNICIPALITY);
        return NO_MUNICIPALITY;
    }

    /**
     * Camunda's grants per task (candidates, assignee, owner) and the old grants per case. Only those:
     * a grant beheer gave by hand on a single case to somebody else stays.
     */
    private void removeRowsPerTaskAndCase() {
        int removed = jdbc.update("delete from ACT_RU_AUTHORIZATION where RESOURCE_ID_ <> '*' and (RESOURCE_TYPE_ in (?, ?)"
                        + " or RESOURCE_TYPE_ in (?, ?) and (GROUP_ID_ in (?, ?) or GROUP_ID_ like 'wethouder-%' or GROUP_ID_ like 'beleidsambtenaar-%'))",
                Resources.TASK.resourceType(), Resources.HISTORIC_TASK.resourceType(),
                Resources.PROCESS_INSTANCE.resourceType(), Resources.HISTORIC_PROCESS_INSTANCE.resourceType(), Roles.STUURGROEP_SD, Roles.BOSD);
        if (removed > 0) {
            log.info("Removed {} authorization rows per task or case: tenants and grants per process definition replace them", removed);
        }
    }

    /** Engine table → its columns naming the process instance, for every engine table that also has a tenant column. */
    private Map<String, List<String>> processInstanceColumns() {
        Map<String, List<String>> columns = new HashMap<>();
        Set<String> withTenant = new HashSet<>();
        try (var connection = dataSource.getConnection()) {
            DatabaseMetaData metadata = connection.getMetaData();
            try (ResultSet rs = metadata.getColumns(connection.getCatalog(), connection.getSchema(), "%", "%")) {
                while (rs.next()) {
                    String table = rs.getString("TABLE_NAME");
                    String column = rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT);
                    String upper = table.toUpperCase(Locale.ROOT);
                    if (!upper.startsWith("ACT_RU_") && !upper.startsWith("ACT_HI_")) {
                        continue;
                    }
                    if (column.equals("TENANT_ID_")) {
                        withTenant.add(table);
                    } else if (column.equals("PROC_INST_ID_") || column.equals("PROCESS_INSTANCE_ID_")) {
                        columns.computeIfAbsent(table, t -> new ArrayList<>()).add(column);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the engine tables to give old cases their municipality's tenant", e);
        }
        columns.keySet().retainAll(withTenant);
        return columns;
    }
}
