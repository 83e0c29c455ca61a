package nl.regioamersfoort.samenwerken.platform.engine;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import nl.regioamersfoort.samenwerken.platform.form.InvalidInputException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * Camunda's REST API (/engine-rest) in Camunda's own error shape {"type", "message", "code"}, with
 * a Dutch message where Camunda's is empty or English, and the right status where Camunda says 500
 * for a client's mistake: malformed JSON, a task that does not exist, a serialized Java object.
 * Our own refusals (InvalidInputException) already arrive in Dutch and stay as they are. Everything
 * else keeps Camunda's answer.
 */
@Component
class EngineRestErrors extends CamundaJerseyResourceConfig {

    /** Before Camunda's own mappers for the same exception types. */
    private static final int FIRST = 1;

    @Override
    protected void registerAdditionalResources() {
        register(MalformedJson.class);
        register(UnexpectedJson.class);
        register(RestErrors.class);
        register(EngineErrors.class);
    }

    @Priority(FIRST)
    static class MalformedJson implements ExceptionMapper<JsonParseException> {
        @Override
        public Response toResponse(JsonParseException e) {
            return answer(400, "InvalidRequestException", "De aanvraag is geen geldige JSON.");
        }
    }

    @Priority(FIRST)
    static class UnexpectedJson implements ExceptionMapper<JsonMappingException> {
        @Override
        public Response toResponse(JsonMappingException e) {
            // Jackson reports JSON that stops halfway as a mapping problem; to the client it is broken JSON.
            if (e.getCause() instanceof JsonParseException || String.valueOf(e.getOriginalMessage()).contains("end-of-input")) {
                return answer(400, "InvalidRequestException", "De aanvraag is geen geldige JSON.");
            }
            String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> a + "." + b).map(path -> " (bij '" + path + "')").orElse("");
            return answer(400, "InvalidRequestException", "De aanvraag heeft niet de vorm die deze functie verwacht" + field + ".");
        }
    }

    @Priority(FIRST)
    static class RestErrors implements ExceptionMapper<RestException> {
        @Override
        public Response toResponse(RestException e) {
            return inDutch(e);
        }
    }

    @Priority(FIRST)
    static class EngineErrors implements ExceptionMapper<ProcessEngineException> {
        @Override
        public Response toResponse(ProcessEngineException e) {
            return inDutch(e);
        }
    }

    static Response inDutch(Throwable e) {
        // Camunda's own answer first: it logs, picks the status and fills the fields (missing authorizations, code).
        Response camunda = ExceptionHandlerHelper.getInstance().getResponse(e);
        if (!(camunda.getEntity() instanceof ExceptionDto dto)) {
            return camunda;
        }
        int status = camunda.getStatus();
        String message = dto.getMessage() == null ? "" : dto.getMessage();
        if (causedBy(e, InvalidInputException.class)) {
            return camunda;
        }
        if (e instanceof AuthorizationException denied && denied.getUserId() == null && !message.isBlank()) {
            // Our own refusals (a task handed outside its candidates, a case's identity changed) say why in Dutch.
            dto.setMessage(message);
        } else if (e instanceof AuthorizationException denied) {
            dto.setMessage("Geen toegang: " + denied.getUserId() + " mag dit niet" + missing(denied) + ".");
        } else if (causedBy(e, NullValueException.class) && message.contains("Cannot find task")) {
            status = 404;
            dto.setMessage("Deze taak bestaat niet (meer): misschien is ze al afgerond.");
        } else if (message.contains("ENGINE-17007")) {
            status = 400;
            dto.setMessage("Een geserialiseerd Java-object is als waarde niet toegestaan; stuur tekst, een getal, ja/nee of een datum.");
        } else if (message.contains("No matching process definition")) {
            dto.setMessage("Dit proces bestaat niet, of u mag het niet starten.");
        } else if (message.contains("Unsupported value type")) {
            dto.setMessage("Onbekend type bij een waarde; gebruik String, Boolean, Integer, Long, Double, Date of Json.");
        } else if (message.isBlank()) {
            dto.setMessage(status >= 500 ? "Er ging iets mis in de procesmachine." : "De aanvraag is ongeldig.");
        }
        return Response.status(status).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static String missing(AuthorizationException denied) {
        if (denied.getMissingAuthorizations() == null || denied.getMissingAuthorizations().isEmpty()) {
            return "";
        }
        MissingAuthorization first = denied.getMissingAuthorizations().get(0);
        return " (nodig: recht " + first.getViolatedPermissionName() + " op " + first.getResourceType()
                + (first.getResourceId() == null ? "" : " '" + first.getResourceId() + "'") + ")";
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static Response answer(int status, String type, String message) {
        ExceptionDto dto = new ExceptionDto();
        dto.setType(type);
        dto.setMessage(message);
        return Response.status(status).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
