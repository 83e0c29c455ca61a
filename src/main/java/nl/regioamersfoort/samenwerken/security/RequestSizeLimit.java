package nl.regioamersfoort.samenwerken.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No request body to the APIs is larger than the largest form (a few texts of at most 4,000
 * characters) needs, with ample room for a BPMN deployment by beheer: Spring MVC, Jackson and
 * Camunda's REST API would otherwise read any size into memory. Refused before the login check,
 * so a large anonymous body costs nothing either.
 */
@Configuration
class RequestSizeLimit {

    static final long MAX_BYTES = 2L * 1024 * 1024;

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> requestSizeLimitFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                // Bodies sent without a length (chunked) are bounded by Jackson's own limits on string length and depth.
                if (request.getContentLengthLong() > MAX_BYTES) {
                    ApiAuthenticationAnswers.write(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                            "InvalidRequestException", "De aanvraag is te groot: hoogstens 2 MB.");
                    return;
                }
                chain.doFilter(request, response);
            }
        });
        registration.setName("Samenwerken request size limit");
        registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
