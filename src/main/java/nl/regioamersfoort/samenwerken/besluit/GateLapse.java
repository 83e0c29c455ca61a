package nl.regioamersfoort.samenwerken.besluit;

import nl.regioamersfoort.samenwerken.platform.engine.EngineHooks;
import nl.regioamersfoort.samenwerken.platform.time.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * A gate that ends without a decision lapses, and its decision record says so: the case moved on
 * (the plan went back for adjustment and with it the request to share the old one, the track or the
 * programme stopped) or beheer cancelled it. Without this the record stayed "not yet decided" in the
 * case file for good.
 * <p>
 * A built-in listener on the end of every version of the gate, added when a version is parsed: so
 * gates opened before this existed are covered too, and a cancellation in Cockpit that skips the
 * models' own listeners still records it.
 */
@Component
class GateLapse extends AbstractProcessEnginePlugin {

    private final DecisionRepository decisions;

    GateLapse(DecisionRepository decisions) {
        this.decisions = decisions;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        ExecutionListener lapse = this::lapseUndecided;
        EngineHooks.addPreParseListener(configuration, new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                if (DecisionGate.PROCESS_KEY.equals(processDefinition.getKey())) {
                    processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, lapse);
                }
            }
        });
    }

    /** A gate that ended normally was decided (its decision task's listener); any other end lapses it. */
    private void lapseUndecided(DelegateExecution gate) {
        if (gate.getVariable(DecisionGate.DECISION_ID) instanceof Number id) {
            decisions.findById(id.longValue()).filter(Decision::isOpen).ifPresent(decision -> decision.lapse(EngineClock.now()));
        }
    }
}
