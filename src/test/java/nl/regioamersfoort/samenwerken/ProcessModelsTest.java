package nl.regioamersfoort.samenwerken;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The models in processes/ and forms/ as the engine deployed them: every model is there, readable
 * in Cockpit and Modeler (layout for every element), named in Dutch, kept for a limited time, and
 * every user task has a form that exists.
 */
@DemoApplicationTest
class ProcessModelsTest {

    static final List<String> PROCESSES = List.of("programma-inclusie-diversiteit", "gemeentetraject", "regionaal-spoor", "wethouder-besluit",
            "taakbewaking", "activiteitengeld-aanvraag", "uren-boven-plafond", "urensignaal", "regionale-inbreng", "weekoverzicht");

    @Autowired
    RepositoryService repositoryService;

    @Test
    void theEngineDeployedEveryModelTheDecisionAndTheForms() {
        assertThat(repositoryService.createProcessDefinitionQuery().latestVersion().list())
                .extracting(ProcessDefinition::getKey).containsExactlyInAnyOrderElementsOf(PROCESSES);
        assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("vaststellend-orgaan").count()).isOne();
        assertThat(formKeys()).contains("programma-starten", "besluit-nemen", "inventarisatie");
    }

    @Test
    void everyElementHasLayoutAndEveryProcessADutchNameAndATimeToLive() {
        for (String key : PROCESSES) {
            BpmnModelInstance model = model(key);
            Set<String> laidOut = model.getModelElementsByType(BpmnShape.class).stream()
                    .map(shape -> shape.getBpmnElement().getId()).collect(Collectors.toSet());
            laidOut.addAll(model.getModelElementsByType(BpmnEdge.class).stream()
                    .map(edge -> edge.getBpmnElement().getId()).collect(Collectors.toSet()));
            Collection<FlowElement> elements = model.getModelElementsByType(FlowElement.class);
            assertThat(elements).extracting(BaseElement::getId).as("layout of %s", key).allMatch(laidOut::contains);
            // A gateway that only merges paths needs no name; everything else is named for the people reading it.
            model.getModelElementsByType(FlowNode.class).stream()
                    .filter(node -> !(node instanceof Gateway && node.getIncoming().size() > 1 && node.getOutgoing().size() == 1))
                    .forEach(node -> assertThat(node.getName()).as("name of %s in %s", node.getId(), key).isNotBlank());

            Process process = model.getModelElementById(key);
            assertThat(process.getName()).isNotBlank();
            assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
        }
    }

    @Test
    void everyUserTaskHasACandidateGroupAndAFormThatExists() {
        Set<String> forms = formKeys();
        for (String key : PROCESSES) {
            for (UserTask task : model(key).getModelElementsByType(UserTask.class)) {
                assertThat(task.getCamundaFormRef()).as("form of %s", task.getId()).isIn(forms);
                assertThat(task.getCamundaCandidateGroups()).as("candidate groups of %s", task.getId()).isNotBlank();
            }
        }
        StartEvent start = model("programma-inclusie-diversiteit").getModelElementById("programma-gestart");
        assertThat(start.getCamundaFormRef()).isEqualTo("programma-starten").isIn(forms);
    }

    private BpmnModelInstance model(String key) {
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
        return repositoryService.getBpmnModelInstance(definition.getId());
    }

    private Set<String> formKeys() {
        String deploymentId = repositoryService.createProcessDefinitionQuery().processDefinitionKey("gemeentetraject")
                .latestVersion().singleResult().getDeploymentId();
        return repositoryService.getDeploymentResources(deploymentId).stream()
                .map(Resource::getName)
                .filter(name -> name.endsWith(".form"))
                .map(name -> readFormId(deploymentId, name))
                .collect(Collectors.toSet());
    }

    private String readFormId(String deploymentId, String resource) {
        try (InputStream in = repositoryService.getResourceAsStream(deploymentId, resource)) {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(in).get("id").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
