package nl.regioamersfoort.samenwerken.besluit;

import nl.regioamersfoort.samenwerken.platform.engine.HistoryRule;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.springframework.stereotype.Component;

/**
 * A wethouder gate keeps the last value of each of its variables in the history, not every change.
 * Its decision record is the audit trail of the decision: subject, deciding group, the proposal and
 * who made it when, the outcome, the motivation and who decided when, the college's decision date
 * and number; the draft it started from stays as the last value of {@code voorstelConcept}. The
 * changes in between (a proposal first shown as the draft, then submitted; the inputs copied in
 * from the case, each written once more as a change) were 105 rows per local track: 6 of its
 * 103 statements per user task (README, Benchmarks).
 */
@Component
class GateHistory implements HistoryRule {

    @Override
    public boolean writesDetail(HistoricVariableUpdateEventEntity update) {
        return !DecisionGate.PROCESS_KEY.equals(update.getProcessDefinitionKey());
    }
}
