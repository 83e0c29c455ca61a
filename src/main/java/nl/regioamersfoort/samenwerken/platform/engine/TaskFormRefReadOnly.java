package nl.regioamersfoort.samenwerken.platform.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda 7.24's engine REST answers a task with {@code camundaFormRef} (every task here has a
 * Camunda Form) but cannot read that property back: it is typed as an interface. Tasklist sends the
 * task as it read it when someone sets a due date or follow-up date ({@code PUT /task/{id}}), and the
 * engine refused it with 400 (the same defect Operaton fixed as operaton#3659). The property is
 * output-only in fact: the engine's task has no setter for it, the form comes from the model. So it
 * is taken out of such a request on both doors, {@code /engine-rest} and the webapps'
 * {@code /camunda/api/engine}, before the engine reads it; anything else in the body goes on as sent.
 */
@Configuration(proxyBeanMethods = false)
class TaskFormRefReadOnly {

    private static final Pattern TASK_UPDATE = Pattern.compile("/(engine-rest|camunda/api/engine/engine/[^/]+)/task/[^/]+");
    private static final String FORM_REF = "camundaFormRef";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> taskFormRefReadOnlyFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter());
        registration.addUrlPatterns("/engine-rest/task/*", "/camunda/api/engine/*");
        return registration;
    }

    private static final class Filter extends OncePerRequestFilter {

        private final ObjectMapper json = new ObjectMapper();

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (!"PUT".equals(request.getMethod()) || !TASK_UPDATE.matcher(request.getRequestURI()).matches()) {
                chain.doFilter(request, response);
                return;
            }
            byte[] body = request.getInputStream().readAllBytes();
            chain.doFilter(new Body(request, withoutFormRef(body)), response);
        }

        private byte[] withoutFormRef(byte[] body) {
            try {
                JsonNode task = json.readTree(body);
                if (task instanceof ObjectNode object && object.has(FORM_REF)) {
                    object.remove(FORM_REF);
                    return json.writeValueAsBytes(object);
                }
            } catch (IOException e) {
                // Not JSON: the engine answers it as it answers any malformed body.
            }
            return body;
        }
    }

    private static final class Body extends HttpServletRequestWrapper {

        private final byte[] body;

        Body(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("Not asynchronous");
                }
            };
        }
    }
}
