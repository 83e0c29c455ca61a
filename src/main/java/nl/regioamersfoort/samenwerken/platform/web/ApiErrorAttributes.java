package nl.regioamersfoort.samenwerken.platform.web;

import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * A Dutch melding in the error answers Spring Boot writes itself: an unknown path, a method or
 * content type the API does not take, a request refused before any controller saw it.
 */
@Component
class ApiErrorAttributes extends DefaultErrorAttributes {

    static final Map<Integer, String> MELDINGEN = Map.of(
            400, "De aanvraag is ongeldig.",
            401, "Log in met uw gebruikersnaam en wachtwoord (HTTP Basic).",
            403, "U heeft geen toegang tot deze functie.",
            404, "Deze functie of dit gegeven bestaat niet.",
            405, "Deze bewerking (HTTP-methode) is hier niet toegestaan.",
            406, "De API antwoordt alleen in JSON (of CSV en PDF voor de verantwoording).",
            413, "De aanvraag is te groot.",
            415, "Stuur de gegevens als JSON (Content-Type: application/json).",
            500, "Er ging iets mis in Samenwerken. Probeer het later opnieuw of meld het aan beheer.");

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        Object path = request.getAttribute("jakarta.servlet.error.request_uri", RequestAttributes.SCOPE_REQUEST);
        if (path instanceof String uri && uri.startsWith(request.getContextPath() + "/api/")
                && attributes.get("status") instanceof Integer status) {
            attributes.put("melding", MELDINGEN.getOrDefault(status, status >= 500 ? MELDINGEN.get(500) : MELDINGEN.get(400)));
        }
        return attributes;
    }
}
