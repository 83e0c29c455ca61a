/**
 * Deadline reminders before a due date and escalations after it, on Dutch working days, and the
 * weekly digest of each person's open tasks.
 */
@ApplicationModule(displayName = "Herinneringen", allowedDependencies = {"gemeente", "platform :: engine", "platform :: mail", "platform :: text", "platform :: form", "platform :: time", "platform :: web", "programma", "security"})
package nl.regioamersfoort.samenwerken.herinnering;

import org.springframework.modulith.ApplicationModule;
