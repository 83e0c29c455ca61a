package nl.regioamersfoort.samenwerken.platform.mail;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;
import nl.regioamersfoort.samenwerken.platform.text.Dutch;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The mail templates under {@code templates/mail/} (each a plain-text {@code .txt} and an HTML
 * {@code .html} alternative) and the address people reach the application at, for links in mails.
 * Features compose their own mails with it; sending is {@link MailDelivery}'s job.
 */
@Component
public class MailTemplates {

    private final String baseUrl;
    private final TemplateEngine templates = mailTemplateEngine();

    public MailTemplates(@Value("${samenwerken.tasklist-url:http://localhost:8080}") String baseUrl) {
        // Operators write the base URL with or without a trailing slash; a link must not get "//".
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl").strip().replaceAll("/+$", "");
    }

    /** A link into the application: {@code path} starts with a slash. */
    public String link(String path) {
        return baseUrl + path;
    }

    /** A Dutch template context. */
    public static Context context() {
        return new Context(Dutch.LOCALE);
    }

    /** Renders template {@code name} in both alternatives, with an optional agenda item (.ics). */
    public ComposedMail compose(String subject, String name, Context context, byte[] agendaItem) {
        return new ComposedMail(subject, templates.process(name + ".txt", context), templates.process(name + ".html", context), agendaItem);
    }

    /**
     * Mail templates get their own engine so that they render the same inside and outside a web
     * request and do not depend on Spring MVC's view resolver settings. Both resolvers look in the
     * same folder; the resolvable patterns keep the HTML resolver from claiming the .txt template
     * (and vice versa), since with existence checks the first resolver that finds a file wins.
     * The Spring flavour of the engine evaluates expressions with SpEL; the plain engine would need
     * OGNL, which is not on the classpath of a Spring Boot application.
     */
    private static TemplateEngine mailTemplateEngine() {
        TemplateEngine engine = new SpringTemplateEngine();
        engine.addTemplateResolver(resolver(".html", TemplateMode.HTML, 1));
        engine.addTemplateResolver(resolver(".txt", TemplateMode.TEXT, 2));
        return engine;
    }

    private static ClassLoaderTemplateResolver resolver(String suffix, TemplateMode mode, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setSuffix(suffix);
        resolver.setResolvablePatterns(Set.of("*" + suffix));
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        resolver.setOrder(order);
        resolver.setCheckExistence(true);
        return resolver;
    }
}
