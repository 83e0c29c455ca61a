package nl.regioamersfoort.samenwerken.platform.pdf;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Printable documents (the yearly account, the progress report) as PDF from well-formed HTML, with
 * DejaVu Sans embedded: the PDF's own fonts know Windows-1252 only, and names like Łukasz or Şükrü
 * must print. Templates name the font 'DejaVu Sans'.
 */
public final class PdfDocuments {

    private PdfDocuments() {
    }

    /**
     * A template engine for documents rendered outside a web request (PDFs): the application's own
     * engine resolves pages with Spring MVC around it; this one only needs the classpath.
     * SpringTemplateEngine, because the plain TemplateEngine evaluates expressions with OGNL, which
     * is not on the classpath. Document templates are well-formed XHTML: the PDF renderer parses XML.
     */
    public static SpringTemplateEngine templateEngine(String prefix) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix(prefix);
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }

    public static byte[] render(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> PdfDocuments.class.getResourceAsStream("/fonts/DejaVuSans.ttf"), "DejaVu Sans", 400,
                    BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(() -> PdfDocuments.class.getResourceAsStream("/fonts/DejaVuSans-Bold.ttf"), "DejaVu Sans", 700,
                    BaseRendererBuilder.FontStyle.NORMAL, true);
            // No base URL: nothing outside the document may load while rendering.
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render a PDF document", e);
        }
        return out.toByteArray();
    }
}
