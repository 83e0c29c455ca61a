package nl.regioamersfoort.samenwerken.document;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Printable documents (the yearly account, the progress report) as PDF from well-formed HTML, with
 * DejaVu Sans embedded: the PDF's own fonts know Windows-1252 only, and names like Łukasz or Şükrü
 * must print. Templates name the font 'DejaVu Sans'.
 */
public final class PdfDocuments {

    private PdfDocuments() {
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
