package nl.regioamersfoort.samenwerken.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * What API clients hear when Spring Security stops them (401, 403): a Dutch sentence in the shape
 * of the API they called. /api answers {"melding": ...}; /engine-rest answers in Camunda's own error
 * shape {"type", "message"} (and so do the webapps' own /camunda/api calls), so REST clients of
 * Camunda and the webapps parse it as they parse any other error.
 */
final class ApiAuthenticationAnswers implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String REALM = "Samenwerken";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure) throws IOException {
        // Any refused login, whatever the reason (LoginThrottle), gets the one message.
        String message = request.getHeader(HttpHeaders.AUTHORIZATION) == null
                ? "Log in met uw gebruikersnaam en wachtwoord (HTTP Basic)."
                : LoginThrottle.REFUSED;
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "AuthenticationException", message);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied) throws IOException {
        write(request, response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException",
                "U heeft geen toegang tot deze functie.");
    }

    static void write(HttpServletRequest request, HttpServletResponse response, int status, String camundaType, String message)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        if (request.getRequestURI().startsWith(request.getContextPath() + "/engine-rest")
                || request.getRequestURI().startsWith(request.getContextPath() + "/camunda/api")) {
            body.put("type", camundaType);
            body.put("message", message);
        } else {
            body.put("melding", message);
        }
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        JSON.writeValue(response.getOutputStream(), body);
    }
}
