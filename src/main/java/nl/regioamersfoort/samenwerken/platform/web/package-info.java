/**
 * The API's error answers and JSON settings.
 */
@NamedInterface("web")
package nl.regioamersfoort.samenwerken.platform.web;

import org.springframework.modulith.NamedInterface;
