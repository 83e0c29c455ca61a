package nl.regioamersfoort.samenwerken.platform.form;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.CamundaFormRefImpl;
import org.camunda.bpm.engine.impl.form.FormDefinition;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The Camunda Form a task or a start event refers to, as the engine deployed it: what Tasklist
 * showed the person is what the server checks, also for an instance of an older deployment whose
 * form has changed since. Runs inside an engine command (a listener, a form handler).
 */
public final class DeployedForms {

    /** The forms this application ships in forms/; every model must refer to one of them. */
    private static final Map<String, DeployedForm> BUNDLED = readBundled("classpath*:forms/*.form");

    /**
     * By deployment and form key, or by form definition id: a deployed resource never changes, so
     * each is read from the database once.
     */
    private static final Map<String, DeployedForm> DEPLOYED = new ConcurrentHashMap<>();

    private DeployedForms() {
    }

    /** The form completed in this scope: a task's form, or an execution's start form; null if there is none. */
    public static DeployedForm of(VariableScope scope) {
        if (scope instanceof TaskEntity task) {
            return ofTask(task);
        }
        if (scope instanceof ExecutionEntity execution) {
            return ofStart(execution.getProcessDefinition());
        }
        return null;
    }

    public static DeployedForm ofTask(TaskEntity task) {
        if (task.getTaskDefinition() == null || task.getProcessDefinition() == null) {
            return null;
        }
        return resolve(task.getTaskDefinition().getFormDefinition(), task.getProcessDefinition().getDeploymentId(), task.getTaskDefinitionKey());
    }

    public static DeployedForm ofStart(ProcessDefinitionEntity process) {
        return process == null ? null : resolve(process.getStartFormDefinition(), process.getDeploymentId(), process.getKey());
    }

    /** A form of forms/ by id; a model referring to any other form is refused when it is deployed. */
    public static DeployedForm bundled(String formId) {
        return BUNDLED.get(formId);
    }

    private static DeployedForm resolve(FormDefinition definition, String deploymentId, String element) {
        Expression key = definition == null ? null : definition.getCamundaFormDefinitionKey();
        if (key == null) {
            return null;
        }
        String formKey = key.getExpressionText();
        String binding = definition.getCamundaFormDefinitionBinding();
        CommandContext context = Context.getCommandContext();
        DeployedForm form = null;
        if (context != null) {
            if ("deployment".equals(binding)) {
                String cacheKey = deploymentId + "/" + formKey;
                form = DEPLOYED.get(cacheKey);
                if (form == null) {
                    form = load(context, formKey, binding, null, deploymentId);
                    if (form != null) {
                        DEPLOYED.put(cacheKey, form);
                    }
                }
            } else {
                form = load(context, formKey, binding, definition.getCamundaFormDefinitionVersion(), deploymentId);
            }
        }
        if (form == null) {
            // A model deployed without its forms (what a deployment of one changed file does) has no form
            // for Tasklist to show; its submissions are checked against this application's own form
            // instead of not at all.
            form = bundled(formKey);
        }
        if (form == null) {
            throw new IllegalStateException("'" + element + "' refers to form '" + formKey + "', which is neither deployed nor in forms/");
        }
        return form;
    }

    private static DeployedForm load(CommandContext context, String formKey, String binding, Expression version, String deploymentId) {
        CamundaFormRefImpl ref = new CamundaFormRefImpl(formKey, binding);
        if (version != null) {
            ref.setVersion(Integer.valueOf(version.getExpressionText()));
        }
        CamundaFormDefinition deployed = new GetCamundaFormDefinitionCmd(ref, deploymentId).execute(context);
        if (deployed == null) {
            return null;
        }
        DeployedForm form = DEPLOYED.get(deployed.getId());
        if (form == null) {
            ResourceEntity resource = context.getResourceManager()
                    .findResourceByDeploymentIdAndResourceName(deployed.getDeploymentId(), deployed.getResourceName());
            form = DeployedForm.read(new ByteArrayInputStream(resource.getBytes()));
            DEPLOYED.put(deployed.getId(), form);
        }
        return form;
    }

    private static Map<String, DeployedForm> readBundled(String pattern) {
        Map<String, DeployedForm> forms = new HashMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
                try (InputStream in = resource.getInputStream()) {
                    DeployedForm form = DeployedForm.read(in);
                    forms.put(form.id(), form);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Camunda Forms in " + pattern, e);
        }
        return Map.copyOf(forms);
    }
}
