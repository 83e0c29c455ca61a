package nl.regioamersfoort.samenwerken.platform.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import nl.regioamersfoort.samenwerken.platform.form.FormInput;
import nl.regioamersfoort.samenwerken.platform.form.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * How every Samenwerken API answers refused input: a status and {"melding": "<Dutch message>"}.
 * Requests that never reach a controller (unknown path, wrong method or content type, no login)
 * get their melding from {@link ApiErrorAttributes} and the security configuration.
 */
@RestControllerAdvice(basePackages = "nl.regioamersfoort.samenwerken")
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Map<String, String>> invalid(InvalidInputException e) {
        return melding(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        return melding(HttpStatus.BAD_REQUEST, unreadable(jacksonCause(e)));
    }

    /** Jackson's own exception knows the field; the cause below it (a DateTimeParseException) does not. */
    private static Throwable jacksonCause(HttpMessageNotReadableException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException) {
                return cause;
            }
        }
        return e;
    }

    /** What was wrong with the JSON, as precisely as Jackson says, without Jackson's English. */
    private static String unreadable(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException unknown) {
            Collection<Object> known = unknown.getKnownPropertyIds();
            return "Onbekend veld " + FormInput.quoted(unknown.getPropertyName()) + "."
                    + (known == null || known.isEmpty() ? "" : " Dit verzoek kent: "
                            + known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")) + ".");
        }
        if (cause instanceof StreamConstraintsException) {
            return "De aanvraag is te groot of te diep genest.";
        }
        if (cause instanceof JsonParseException) {
            return "De aanvraag is geen geldige JSON. Stuur een JSON-object, met datums als jjjj-mm-dd.";
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = field(mismatch);
            Class<?> type = mismatch.getTargetType();
            if (type != null && Temporal.class.isAssignableFrom(type)) {
                return "'" + field + "' heeft een ongeldige waarde: schrijf een datum als jjjj-mm-dd.";
            }
            if (type == String.class) {
                return "'" + field + "' moet tekst zijn.";
            }
            if (type != null && (Collection.class.isAssignableFrom(type) || type.isArray())) {
                return "'" + field + "' moet een lijst zijn, bijvoorbeeld [\"baarn\", \"leusden\"].";
            }
            if (type != null && (Number.class.isAssignableFrom(type) || type.isPrimitive())) {
                return "'" + field + "' moet een geheel getal zijn.";
            }
            return "'" + field + "' heeft een ongeldige waarde.";
        }
        if (cause instanceof MismatchedInputException) {
            return "De aanvraag moet een JSON-object zijn, zoals in de API-beschrijving.";
        }
        return "De aanvraag heeft geen inhoud of is geen geldige JSON. Stuur een JSON-object, met datums als jjjj-mm-dd.";
    }

    /** The field as the client wrote it: kalender.inventarisatie, gemeenten[1]. */
    private static String field(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, String>> wrongType(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        String expected = type != null && (Number.class.isAssignableFrom(type) || type == int.class || type == long.class)
                ? "een geheel getal zijn (zoals 2024)" : "een geldige waarde hebben";
        return melding(HttpStatus.BAD_REQUEST, "'" + e.getName() + "' moet " + expected + ", niet " + FormInput.quoted(e.getValue()) + ".");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, String>> missing(MissingServletRequestParameterException e) {
        return melding(HttpStatus.BAD_REQUEST, "Geef '" + e.getParameterName() + "' mee.");
    }

    @ExceptionHandler(ApiRefusal.class)
    ResponseEntity<Map<String, String>> refused(ApiRefusal e) {
        return melding(e.status(), e.getMessage());
    }

    /** Whatever else went wrong is ours, not the client's: logged in full here, told in one sentence there. */
    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<Map<String, String>> unexpected(RuntimeException e) {
        log.error("Unexpected error in an API call", e);
        return melding(HttpStatus.INTERNAL_SERVER_ERROR, ApiErrorAttributes.MELDINGEN.get(500));
    }

    private static ResponseEntity<Map<String, String>> melding(HttpStatus status, String melding) {
        return ResponseEntity.status(status).body(Map.of("melding", melding));
    }
}
