/**
 * Decisions of the wethouder, the portefeuillehouder, the college and the regional bodies, and the consents to share: the gate every local step passes, with its audit trail. Front door: Decisions.
 */
@ApplicationModule(displayName = "Besluiten", allowedDependencies = {"platform :: engine", "platform :: form", "platform :: time"})
package nl.regioamersfoort.samenwerken.besluit;

import org.springframework.modulith.ApplicationModule;
