/**
 * The engine's clock, Dutch working days, the demo clock.
 */
@NamedInterface("time")
package nl.regioamersfoort.samenwerken.platform.time;

import org.springframework.modulith.NamedInterface;
