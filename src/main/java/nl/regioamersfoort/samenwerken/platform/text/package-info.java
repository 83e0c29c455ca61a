/**
 * One Dutch way to write dates, euros and hours.
 */
@NamedInterface("text")
package nl.regioamersfoort.samenwerken.platform.text;

import org.springframework.modulith.NamedInterface;
