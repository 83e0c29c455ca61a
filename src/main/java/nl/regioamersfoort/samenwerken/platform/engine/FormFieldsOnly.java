package nl.regioamersfoort.samenwerken.platform.engine;

import nl.regioamersfoort.samenwerken.platform.form.FormInput;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.form.StartFormData;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
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
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * A form submission (Tasklist, or submit-form on the REST API) carries the fields of its Camunda
 * Form and nothing else. Without this the engine stores every extra key as a process variable, so
 * a client could add or overwrite variables the models steer by (gemeente, programmaId,
 * aanvraagId) just by sending them along. Read-only fields are what the person was shown, not
 * input: they are dropped. Values must be plain (text, number, yes/no, date, JSON), never a
 * serialized Java object or a file. Completing such a task with variables but without its form
 * (taskService.complete, REST /task/{id}/complete) follows the same rule. Bad submissions are
 * refused with a Dutch message (400) and change nothing.
 */
@Component
class FormFieldsOnly extends AbstractProcessEnginePlugin implements StartFormFields {

    /** Value types a Camunda Form can produce; "null" for an empty field. */
    private static final Set<String> PLAIN_TYPES = Set.of("string", "boolean", "integer", "long", "short", "double", "date", "null", "json");

    private final Map<String, FormFields> forms = readForms("classpath*:forms/*.form");

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = new ArrayList<>();
        if (configuration.getCustomPreBPMNParseListeners() != null) {
            listeners.addAll(configuration.getCustomPreBPMNParseListeners());
        }
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                FormFields fields = fieldsOf(definition.getCamundaFormDefinitionKey(), activity.getId());
                if (fields != null) {
                    definition.setTaskFormHandler(new CheckedTaskForm(definition.getTaskFormHandler(), fields));
                }
            }

            @Override
            public void parseProcess(Element element, ProcessDefinitionEntity process) {
                FormFields fields = process.getStartFormDefinition() == null ? null
                        : fieldsOf(process.getStartFormDefinition().getCamundaFormDefinitionKey(), process.getKey());
                if (fields != null && process.getStartFormHandler() != null) {
                    process.setStartFormHandler(new CheckedStartForm(process.getStartFormHandler(), fields));
                }
            }
        });
        configuration.setCustomPreBPMNParseListeners(listeners);

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
                    if (task != null && task.getTaskDefinition() != null) {
                        FormFields fields = fieldsOf(task.getTaskDefinition().getCamundaFormDefinitionKey(), task.getTaskDefinitionKey());
                        if (fields != null) {
                            fields.checkEnteredOnly(Variables.fromMap(variables));
                        }
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
        FormFields fields = process.getStartFormDefinition() == null ? null
                : fieldsOf(process.getStartFormDefinition().getCamundaFormDefinitionKey(), process.getKey());
        if (fields == null) {
            throw FormInput.invalid("Dit proces heeft geen startformulier: het start zonder gegevens van buiten.");
        }
        fields.checkEnteredOnly(variables);
    }

    private FormFields fieldsOf(Expression formRef, String element) {
        if (formRef == null) {
            return null;
        }
        FormFields fields = forms.get(formRef.getExpressionText());
        if (fields == null) {
            // A form we cannot check would let anything through: refuse the model instead.
            throw new IllegalStateException("'" + element + "' refers to form '" + formRef.getExpressionText()
                    + "', which is not in forms/");
        }
        return fields;
    }

    /** The fields of one form: what a person enters, and what they are only shown. */
    record FormFields(String formId, Map<String, String> editable, Set<String> readOnly) {

        /** Completing without the form: the entered fields only, as plain values; nothing dropped silently. */
        void checkEnteredOnly(VariableMap submitted) {
            for (String key : submitted.keySet()) {
                if (readOnly.contains(key)) {
                    throw FormInput.invalid("Het veld " + FormInput.quoted(key) + " van het formulier '" + formId + "' wordt alleen getoond.");
                }
            }
            check(submitted);
        }

        VariableMap check(VariableMap submitted) {
            VariableMap accepted = Variables.createVariables();
            for (String key : submitted.keySet()) {
                if (readOnly.contains(key)) {
                    continue;
                }
                String label = editable.get(key);
                if (label == null) {
                    throw FormInput.invalid("Het formulier '" + formId + "' kent het veld " + FormInput.quoted(key)
                            + " niet. Velden: " + String.join(", ", editable.keySet()) + ".");
                }
                TypedValue value = submitted.getValueTyped(key);
                if (!isPlain(value)) {
                    throw FormInput.invalid("'" + label + "' moet tekst, een getal, ja/nee of een datum zijn.");
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
                return list.stream().allMatch(FormFields::isPlainValue);
            }
            return isPlainValue(raw);
        }

        private static boolean isPlainValue(Object raw) {
            return raw == null || raw instanceof String || raw instanceof Number || raw instanceof Boolean || raw instanceof Date;
        }
    }

    static Map<String, FormFields> readForms(String pattern) {
        ObjectMapper json = new ObjectMapper();
        Map<String, FormFields> forms = new HashMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
                try (InputStream in = resource.getInputStream()) {
                    JsonNode form = json.readTree(in);
                    Map<String, String> editable = new LinkedHashMap<>();
                    Set<String> readOnly = new java.util.HashSet<>();
                    collect(form, editable, readOnly);
                    String id = form.path("id").asText();
                    forms.put(id, new FormFields(id, editable, readOnly));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Camunda Forms in " + pattern, e);
        }
        return forms;
    }

    private static void collect(JsonNode container, Map<String, String> editable, Set<String> readOnly) {
        for (JsonNode component : container.path("components")) {
            if (component.hasNonNull("key")) {
                String key = component.get("key").asText();
                if (component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false)) {
                    readOnly.add(key);
                } else {
                    editable.put(key, component.path("label").asText(key));
                }
            }
            collect(component, editable, readOnly);
        }
    }

    /** Checks, then hands the accepted fields to the engine's own handler (which stores them). */
    private record CheckedTaskForm(TaskFormHandler delegate, FormFields fields) implements TaskFormHandler {

        @Override
        public void parseConfiguration(Element element, DeploymentEntity deployment, ProcessDefinitionEntity process, BpmnParse parse) {
            delegate.parseConfiguration(element, deployment, process, parse);
        }

        @Override
        public void submitFormVariables(VariableMap properties, VariableScope scope) {
            delegate.submitFormVariables(fields.check(properties), scope);
        }

        @Override
        public TaskFormData createTaskForm(TaskEntity task) {
            return delegate.createTaskForm(task);
        }
    }

    private record CheckedStartForm(StartFormHandler delegate, FormFields fields) implements StartFormHandler {

        @Override
        public void parseConfiguration(Element element, DeploymentEntity deployment, ProcessDefinitionEntity process, BpmnParse parse) {
            delegate.parseConfiguration(element, deployment, process, parse);
        }

        @Override
        public void submitFormVariables(VariableMap properties, VariableScope scope) {
            delegate.submitFormVariables(fields.check(properties), scope);
        }

        @Override
        public StartFormData createStartFormData(ProcessDefinitionEntity process) {
            return delegate.createStartFormData(process);
        }
    }
}
