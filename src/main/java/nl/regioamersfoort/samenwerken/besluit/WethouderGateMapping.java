package nl.regioamersfoort.samenwerken.besluit;

import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

/**
 * What every call of the wethouder's gate ({@code wethouder-besluit}) hands over, written once
 * instead of on each call activity: the programme, the municipality, and the wethouder of that
 * municipality as the deciding group. A call activity refers to it with
 * {@code camunda:variableMappingDelegateExpression="${wethouderGateMapping}"} and keeps in its own
 * {@code camunda:in}/{@code camunda:out} only what differs per gate (subject type, reference,
 * subject, draft proposal, where the outcome goes), so a reader of the model sees each gate's
 * subject where it is asked.
 * <p>
 * The engine evaluates the call activity's {@code camunda:in} mappings first and then hands their
 * result to this mapping before it starts the gate; on return it applies {@code camunda:out} first
 * and this mapping after. The business key stays a {@code camunda:in businessKey} on each call
 * activity: the engine reads it from that mapping only, after this one ran, and gives a variable
 * mapping no way to set it.
 */
// Public: the process models call it by bean name.
@Component("wethouderGateMapping")
public class WethouderGateMapping implements DelegateVariableMapping {

    static final String DECIDING_GROUP = "besluitnemerGroep";

    @Override
    public void mapInputVariables(DelegateExecution caller, VariableMap gate) {
        // Typed, as camunda:in source="..." passes them.
        gate.put("programmaId", caller.getVariableTyped("programmaId"));
        gate.put("gemeente", caller.getVariableTyped("gemeente"));
        // A gate whose decider follows from the municipality's rules (the college may adopt a plan)
        // names its group with its own camunda:in; that one wins.
        if (!gate.containsKey(DECIDING_GROUP)) {
            // As the expression wethouder-${gemeente} rendered a missing municipality: as empty.
            gate.put(DECIDING_GROUP, "wethouder-" + Objects.toString(caller.getVariable("gemeente"), ""));
        }
    }

    @Override
    public void mapOutputVariables(DelegateExecution caller, VariableScope gate) {
        // The outcome lands in a variable each caller names itself: its camunda:out.
    }
}
