package nl.regioamersfoort.samenwerken.security;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;

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
    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

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
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().processDefinitionKeyIn(keys.toArray(String[]::new)).list()) {
            String key = definition.getKey();
            candidateGroups(factory, repository, definition).forEach((task, groups) -> {
                for (String group : groups.split(",")) {
                    roles.computeIfAbsent(key, k -> new TreeSet<>()).addAll(roleOf(group.strip(), localKeys.contains(key), key, task));
                }
            });
        }
        return roles;
    }

    /**
     * User task id → its candidate groups, read from the model's XML as it streams by. This runs at
     * every start-up for every deployed version. The model is read as the stored resource: the engine
     * validated it when it was deployed, and {@code getProcessModel} would first parse the whole
     * deployment into the engine's cache (schema-validated, every model of it), the slowest step of a
     * restart, for definitions that may not be used for hours.
     */
    private static Map<String, String> candidateGroups(XMLInputFactory factory, RepositoryService repository, ProcessDefinition definition) {
        Map<String, String> groups = new TreeMap<>();
        try (InputStream model = repository.getResourceAsStream(definition.getDeploymentId(), definition.getResourceName())) {
            XMLStreamReader xml = factory.createXMLStreamReader(model);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && BPMN.equals(xml.getNamespaceURI())
                        && "userTask".equals(xml.getLocalName())) {
                    String candidates = xml.getAttributeValue(CAMUNDA, "candidateGroups");
                    if (candidates != null) {
                        groups.put(xml.getAttributeValue(null, "id"), candidates);
                    }
                }
            }
            xml.close();
        } catch (IOException | XMLStreamException e) {
            throw new IllegalStateException("Cannot read the user tasks of process definition " + definition.getId(), e);
        }
        return groups;
    }

    private static Set<String> roleOf(String group, boolean local, String key, String task) {
        if (group.startsWith(WETHOUDER)) {
            return Set.of(WETHOUDER);
        } else if (group.startsWith(BELEIDSAMBTENAAR)) {
            return Set.of(BELEIDSAMBTENAAR);
        } else if (local && group.startsWith("${")) {
            return Set.of(WETHOUDER, BELEIDSAMBTENAAR);
        } else if (Roles.REGIONAL.stream().anyMatch(role -> role.id().equals(group))) {
            return Set.of(group);
        }
        throw new IllegalStateException("User task '" + task + "' of process '" + key + "' has candidate group '" + group
                + "', which is no role of Samenwerken (security/Roles): nobody could be granted its work");
    }
}
