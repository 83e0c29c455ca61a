package nl.regioamersfoort.samenwerken.platform.engine;

import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.variable.VariableMap;

/** The start form's rule for a process that a person starts with variables instead of through the form. */
public interface StartFormFields {

    /** Refuses (InvalidInputException, Dutch) variables that are not entered fields of the process's start form. */
    void checkStartVariables(ProcessDefinitionEntity process, VariableMap variables);
}
