package nl.regioamersfoort.samenwerken.platform.form;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Bad input from a person or client: a Dutch message for them, and nothing changed. A form
 * validation exception to the engine, so the REST APIs (and Tasklist, which uses them) answer 400
 * with the message instead of 500.
 */
public class InvalidInputException extends FormFieldValidationException {

    public InvalidInputException(String dutchMessage) {
        super("samenwerken", dutchMessage);
    }
}
