/**
 * Activity money per municipality and year, the adviser's hours against the year's cap, the yearly account. Front doors: YearlyAccounts, ActivityMoney (process glue).
 */
@ApplicationModule(displayName = "Budget", allowedDependencies = {"besluit", "gemeente", "platform :: engine", "platform :: form", "platform :: mail", "platform :: pdf", "platform :: text", "platform :: time", "platform :: web", "programma", "security", "traject"})
package nl.regioamersfoort.samenwerken.budget;

import org.springframework.modulith.ApplicationModule;
