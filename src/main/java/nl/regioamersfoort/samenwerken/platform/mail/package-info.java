/**
 * Mail templates, delivery with retries, and the outbox.
 */
@NamedInterface("mail")
package nl.regioamersfoort.samenwerken.platform.mail;

import org.springframework.modulith.NamedInterface;
