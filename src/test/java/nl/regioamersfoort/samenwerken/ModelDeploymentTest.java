package nl.regioamersfoort.samenwerken;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine deploys BPMN, DMN and Camunda Forms from the classpath, where the build puts
 * processes/ and forms/; Tasklist then finds a user task's form by its formRef.
 */
@DemoApplicationTest
class ModelDeploymentTest {

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    FormService formService;

    @Test
    void deploysModelsAndFormsSoTasklistFindsTheForm() throws Exception {
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("deployment-fixture").count()).isOne();
        String deploymentId = repositoryService.createProcessDefinitionQuery().processDefinitionKey("deployment-fixture")
                .singleResult().getDeploymentId();
        assertThat(repositoryService.getDeploymentResources(deploymentId)).extracting(Resource::getName)
                .anySatisfy(name -> assertThat(name).endsWith("deployment-fixture.form"));

        String instance = runtimeService.startProcessInstanceByKey("deployment-fixture").getId();
        Task task = taskService.createTaskQuery().processInstanceId(instance).initializeFormKeys().singleResult();
        assertThat(task.getCamundaFormRef().getKey()).isEqualTo("deployment-fixture");
        try (InputStream form = formService.getDeployedTaskForm(task.getId())) {
            assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8)).contains("\"label\": \"Opmerking\"");
        }
        runtimeService.deleteProcessInstance(instance, "test finished");
    }
}
