/**
 * Reading and checking what a person submitted, with Dutch messages.
 */
@NamedInterface("form")
package nl.regioamersfoort.samenwerken.platform.form;

import org.springframework.modulith.NamedInterface;
