/**
 * The dashboard, case files, progress and final reports (HTML and PDF), built from what may be shown to whom.
 */
@ApplicationModule(displayName = "Rapportage", allowedDependencies = {"besluit", "budget", "gemeente", "platform :: form", "platform :: mail", "platform :: pdf", "platform :: text", "platform :: time", "programma", "regio", "traject"})
package nl.regioamersfoort.samenwerken.rapportage;

import org.springframework.modulith.ApplicationModule;
