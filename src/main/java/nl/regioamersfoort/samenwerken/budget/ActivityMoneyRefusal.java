package nl.regioamersfoort.samenwerken.budget;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A step of an activity money request that may not run for this request in this process instance
 * (a booking without its wethouder's akkoord, a second booking, another instance's request). The
 * engine command fails as a whole, so nothing is booked or changed; a job becomes an incident with
 * this message. English: it is for the operator in Cockpit and the log, not for the applicant.
 */
class ActivityMoneyRefusal extends ProcessEngineException {

    ActivityMoneyRefusal(String message) {
        super(message);
    }

    ActivityMoneyRefusal(String step, ActivityMoneyRequest request, String reason) {
        this(step + " for activity money request " + request.getId() + " of " + request.getMunicipalityCode() + ": " + reason
                + ". Nothing was changed.");
    }
}
