package nl.regioamersfoort.samenwerken.platform.engine;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.regioamersfoort.samenwerken.platform.form.DeployedForm;
import nl.regioamersfoort.samenwerken.platform.form.DeployedForms;
import nl.regioamersfoort.samenwerken.platform.form.FormField;
import nl.regioamersfoort.samenwerken.platform.form.FormInput;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.form.StartFormData;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.handler.StartFormHandler;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * A form submission (Tasklist, or submit-form on the REST API) carries the fields of its Camunda
 * Form and nothing else. Without this the engine stores every extra key as a process variable, so
 * a client could add or overwrite variables the models steer by (gemeente, programmaId,
 * aanvraagId) just by sending them along. Read-only fields are what the person was shown, not
 * input: they are dropped. Values must be plain (text, number, yes/no, date, JSON), never a
 * serialized Java object or a file. Completing such a task with variables but without its form
 * (taskService.complete, REST /task/{id}/complete) follows the same rule. Bad submissions are
 * refused with a Dutch message (400) and change nothing. The fields are those of the form as it
 * was deployed with the model (DeployedForms); what is in them is checked by the features' glue
 * (FormInput), by the same form's rules.
 */
@Component
class FormFieldsOnly extends AbstractProcessEnginePlugin implements StartFormFields {

    /** Value types a Camunda Form can produce; "null" for an empty field. */
    private static final Set<String> PLAIN_TYPES = Set.of("string", "boolean", "integer", "long", "short", "double", "date", "null", "json");

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EngineHooks.addPreParseListener(configuration, new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                if (isBundled(definition.getCamundaFormDefinitionKey(), activity.getId())) {
                    definition.setTaskFormHandler(new CheckedTaskForm(definition.getTaskFormHandler()));
                }
            }

            @Override
            public void parseProcess(Element element, ProcessDefinitionEntity process) {
                boolean hasForm = process.getStartFormDefinition() != null
                        && isBundled(process.getStartFormDefinition().getCamundaFormDefinitionKey(), process.getKey());
                if (hasForm && process.getStartFormHandler() != null) {
                    process.setStartFormHandler(new CheckedStartForm(process.getStartFormHandler()));
                }
            }
        });

        List<CommandInterceptor> interceptors = new ArrayList<>();
        if (configuration.getCustomPostCommandInterceptorsTxRequired() != null) {
            interceptors.addAll(configuration.getCustomPostCommandInterceptorsTxRequired());
        }
        interceptors.add(new CompletionCheck());
        configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
    }

    /**
     * Completing a task with variables (taskService.complete, REST /task/{id}/complete) passes no form
     * handler, so without this it would take any variable along. A task with a form takes the fields
     * of its form there too, entered fields only. Camunda offers no hook for it: the command's own
     * fields are read (the same in Operaton), and a change there stops the engine from starting
     * instead of letting anything through.
     */
    private final class CompletionCheck extends CommandInterceptor {

        private static final Field TASK_ID = commandField("taskId");
        private static final Field VARIABLES = commandField("variables");

        @Override
        @SuppressWarnings("unchecked")
        public <T> T execute(Command<T> command) {
            if (command instanceof CompleteTaskCmd) {
                try {
                    Map<String, Object> variables = (Map<String, Object>) VARIABLES.get(command);
                    TaskEntity task = variables == null || variables.isEmpty() ? null
                            : Context.getCommandContext().getTaskManager().findTaskById((String) TASK_ID.get(command));
                    DeployedForm form = task == null ? null : DeployedForms.ofTask(task);
                    if (form != null) {
                        checkEnteredOnly(form, Variables.fromMap(variables));
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
            return next.execute(command);
        }

        private static Field commandField(String name) {
            return field(CompleteTaskCmd.class, name);
        }

        private static Field field(Class<?> command, String name) {
            try {
                Field field = command.getDeclaredField(name);
                field.setAccessible(true);
                return field;
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException(command.getSimpleName() + " has no field '" + name + "': check FormFieldsOnly against this engine", e);
            }
        }
    }

    /**
     * A process started with variables but without its start form (REST /start) takes the start
     * form's entered fields, as submit-form does; a process without a start form takes none.
     */
    @Override
    public void checkStartVariables(ProcessDefinitionEntity process, VariableMap variables) {
        if (variables == null || variables.isEmpty()) {
            return;
        }
        DeployedForm form = DeployedForms.ofStart(process);
        if (form == null) {
            throw FormInput.invalid("Dit proces heeft geen startformulier: het start zonder gegevens van buiten.");
        }
        checkEnteredOnly(form, variables);
    }

    /**
     * Refuses a model whose form is not one of forms/ when it is deployed: the submissions are checked
     * against the deployed form, and a form this application does not know could let anything through.
     */
    private static boolean isBundled(Expression formRef, String element) {
        if (formRef == null) {
            return false;
        }
        if (DeployedForms.bundled(formRef.getExpressionText()) == null) {
            throw new IllegalStateException("'" + element + "' refers to form '" + formRef.getExpressionText()
                    + "', which is not in forms/");
        }
        return true;
    }

    /** Completing without the form: the entered fields only, as plain values; nothing dropped silently. */
    private static void checkEnteredOnly(DeployedForm form, VariableMap submitted) {
        for (String key : submitted.keySet()) {
            if (form.find(key).filter(FormField::readOnly).isPresent()) {
                throw FormInput.invalid("Het veld " + FormInput.quoted(key) + " van het formulier '" + form.id() + "' wordt alleen getoond.");
            }
        }
        check(form, submitted);
    }

    /** A submission through the form: read-only fields are dropped, unknown fields refused. */
    private static VariableMap check(DeployedForm form, VariableMap submitted) {
        VariableMap accepted = Variables.createVariables();
        for (String key : submitted.keySet()) {
            FormField field = form.find(key).orElseThrow(() -> FormInput.invalid("Het formulier '" + form.id() + "' kent het veld "
                    + FormInput.quoted(key) + " niet. Velden: "
                    + String.join(", ", form.editable().stream().map(FormField::key).toList()) + "."));
            if (field.readOnly()) {
                continue;
            }
            TypedValue value = submitted.getValueTyped(key);
            if (!isPlain(value)) {
                throw FormInput.invalid("'" + field.label() + "' moet tekst, een getal, ja/nee of een datum zijn.");
            }
            accepted.putValueTyped(key, value);
        }
        return accepted;
    }

    private static boolean isPlain(TypedValue value) {
        if (value == null) {
            return true;
        }
        if (value.getType() != null) {
            return PLAIN_TYPES.contains(value.getType().getName());
        }
        // Sent without a type: plain if the value itself is. A list of plain values comes from Java callers
        // (a checklist); over REST a list can only arrive serialized, and that has a type.
        Object raw = value.getValue();
        if (raw instanceof java.util.Collection<?> list) {
            return list.stream().allMatch(FormFieldsOnly::isPlainValue);
        }
        return isPlainValue(raw);
    }

    private static boolean isPlainValue(Object raw) {
        return raw == null || raw instanceof String || raw instanceof Number || raw instanceof Boolean || raw instanceof Date;
    }

    /** Checks, then hands the accepted fields to the engine's own handler (which stores them). */
    private record CheckedTaskForm(TaskFormHandler delegate) implements TaskFormHandler {

        @Override
        public void parseConfiguration(Element element, DeploymentEntity deployment, ProcessDefinitionEntity process, BpmnParse parse) {
            delegate.parseConfiguration(element, deployment, process, parse);
        }

        @Override
        public void submitFormVariables(VariableMap properties, VariableScope scope) {
            delegate.submitFormVariables(check(DeployedForms.of(scope), properties), scope);
        }

        @Override
        public TaskFormData createTaskForm(TaskEntity task) {
            return delegate.createTaskForm(task);
        }
    }

    private record CheckedStartForm(StartFormHandler delegate) implements StartFormHandler {

        @Override
        public void parseConfiguration(Element element, DeploymentEntity deployment, ProcessDefinitionEntity process, BpmnParse parse) {
            delegate.parseConfiguration(element, deployment, process, parse);
        }

        @Override
        public void submitFormVariables(VariableMap properties, VariableScope scope) {
            delegate.submitFormVariables(check(DeployedForms.of(scope), properties), scope);
        }

        @Override
        public StartFormData createStartFormData(ProcessDefinitionEntity process) {
            return delegate.createStartFormData(process);
        }
    }
}
