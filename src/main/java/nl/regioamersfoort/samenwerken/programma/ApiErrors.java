package nl.regioamersfoort.samenwerken.programma;

import java.util.Map;
import nl.regioamersfoort.samenwerken.engine.InvalidInputException;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** How every Samenwerken API answers refused input: a status and {"melding": "<Dutch message>"}. */
@RestControllerAdvice(basePackages = "nl.regioamersfoort.samenwerken")
class ApiErrors {

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Map<String, String>> invalid(InvalidInputException e) {
        return ResponseEntity.badRequest().body(Map.of("melding", e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(Map.of("melding",
                "De aanvraag is geen geldige JSON of bevat een ongeldige waarde (datums als jjjj-mm-dd)."));
    }

    @ExceptionHandler(ProgrammeNotFoundException.class)
    ResponseEntity<Map<String, String>> notFound(ProgrammeNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("melding", e.getMessage()));
    }

    @ExceptionHandler(MismatchingMessageCorrelationException.class)
    ResponseEntity<Map<String, String>> notRunning(MismatchingMessageCorrelationException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("melding", "Het programma loopt niet (meer)."));
    }
}
