/**
 * The regional track: shared topics, plan of approach, the stuurgroep and BOSD meetings. Front door: RegionalDocuments.
 */
@ApplicationModule(displayName = "Regionaal spoor", allowedDependencies = {"besluit", "gemeente", "platform :: engine", "platform :: form", "platform :: text", "platform :: time", "programma"})
package nl.regioamersfoort.samenwerken.regio;

import org.springframework.modulith.ApplicationModule;
