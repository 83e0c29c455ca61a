/**
 * Deadline reminders before a due date and escalations after it, on Dutch working days.
 */
@ApplicationModule(displayName = "Herinneringen", allowedDependencies = {"gemeente", "platform :: engine", "platform :: mail", "platform :: text", "platform :: time", "programma", "security"})
package nl.regioamersfoort.samenwerken.herinnering;

import org.springframework.modulith.ApplicationModule;
