package nl.regioamersfoort.samenwerken.dashboard;

import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders the report template outside a web request, for the PDF. The same template serves the
 * web page; it is written as well-formed XHTML because the PDF renderer parses XML.
 */
@Component
class ReportTemplates {

    static final String REPORT = "dashboard/rapport";

    private final SpringTemplateEngine engine = engine();

    String render(String template, Context context) {
        return engine.process(template, context);
    }

    private static SpringTemplateEngine engine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
