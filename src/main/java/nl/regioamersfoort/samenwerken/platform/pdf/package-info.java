/**
 * Shared document output: printable PDFs with an embedded font.
 */
@NamedInterface("pdf")
package nl.regioamersfoort.samenwerken.platform.pdf;

import org.springframework.modulith.NamedInterface;
