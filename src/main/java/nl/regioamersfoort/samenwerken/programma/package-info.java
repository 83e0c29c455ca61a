/**
 * The programme period: participants, calendar, the programme process, stops and hand-overs of a portfolio. Front door: Programmes.
 */
@ApplicationModule(displayName = "Programma", allowedDependencies = {"gemeente", "platform :: engine", "platform :: form", "platform :: text", "platform :: time", "platform :: web", "security"})
package nl.regioamersfoort.samenwerken.programma;

import org.springframework.modulith.ApplicationModule;
