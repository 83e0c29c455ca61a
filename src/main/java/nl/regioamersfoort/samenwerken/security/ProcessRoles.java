package nl.regioamersfoort.samenwerken.security;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * Which roles work in which process definitions, read from the candidate groups of the models' user
 * tasks, so that the grants per definition follow the models instead of a list beside them. A local
 * role is written {@code beleidsambtenaar-${gemeente}} in a model and stands for that role in every
 * municipality ({@link #BELEIDSAMBTENAAR}, {@link #WETHOUDER}); a group the model leaves entirely to
 * the case ({@code ${besluitnemerGroep}}: the wethouder, or the beleidsambtenaar who records a
 * college decision) stands for both local roles in a local process. A candidate group that fits
 * none of these stops the start: nobody could be granted the work.
 */
final class ProcessRoles {

    static final String WETHOUDER = "wethouder-";
    static final String BELEIDSAMBTENAAR = "beleidsambtenaar-";

    private ProcessRoles() {
    }

    /**
     * Process definition key → the groups working in it: regional group ids as they are, local roles
     * as their prefix ({@link #WETHOUDER}, {@link #BELEIDSAMBTENAAR}). Every deployed version counts,
     * so the people of instances still running on an older version keep their work.
     */
    static Map<String, Set<String>> workingIn(RepositoryService repository, Set<String> localKeys, Set<String> regionalKeys) {
        Map<String, Set<String>> roles = new TreeMap<>();
        Set<String> keys = new TreeSet<>(localKeys);
        keys.addAll(regionalKeys);
        for (String key : keys) {
            for (ProcessDefinition definition : repository.createProcessDefinitionQuery().processDefinitionKey(key).list()) {
                for (UserTask task : repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(UserTask.class)) {
                    String groups = task.getCamundaCandidateGroups();
                    if (groups == null) {
                        continue;
                    }
                    for (String group : groups.split(",")) {
                        roles.computeIfAbsent(key, k -> new TreeSet<>()).addAll(roleOf(group.strip(), localKeys.contains(key), key, task));
                    }
                }
            }
        }
        return roles;
    }

    private static Set<String> roleOf(String group, boolean local, String key, UserTask task) {
        if (group.startsWith(WETHOUDER)) {
            return Set.of(WETHOUDER);
        } else if (group.startsWith(BELEIDSAMBTENAAR)) {
            return Set.of(BELEIDSAMBTENAAR);
        } else if (local && group.startsWith("${")) {
            return Set.of(WETHOUDER, BELEIDSAMBTENAAR);
        } else if (Roles.REGIONAL.stream().anyMatch(role -> role.id().equals(group))) {
            return Set.of(group);
        }
        throw new IllegalStateException("User task '" + task.getId() + "' of process '" + key + "' has candidate group '" + group
                + "', which is no role of Samenwerken (security/Roles): nobody could be granted its work");
    }
}
