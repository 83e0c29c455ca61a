/** Shared document output: printable PDFs with an embedded font. */
package nl.regioamersfoort.samenwerken.platform.pdf;
