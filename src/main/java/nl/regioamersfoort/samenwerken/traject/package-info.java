/**
 * A municipality's local track: inventory, tailored plan, execution, progress talks, activities. Front door: LocalTracks.
 */
@ApplicationModule(displayName = "Gemeentetraject", allowedDependencies = {"besluit", "gemeente", "platform :: engine", "platform :: form", "platform :: mail", "platform :: text", "platform :: time", "platform :: web", "security", "programma"})
package nl.regioamersfoort.samenwerken.traject;

import org.springframework.modulith.ApplicationModule;
