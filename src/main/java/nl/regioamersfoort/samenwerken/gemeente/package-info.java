/**
 * Reference data: the region's municipalities, who is funded, who adopts a plan. Front door: Municipalities.
 */
@ApplicationModule(displayName = "Gemeenten", allowedDependencies = {})
package nl.regioamersfoort.samenwerken.gemeente;

import org.springframework.modulith.ApplicationModule;
