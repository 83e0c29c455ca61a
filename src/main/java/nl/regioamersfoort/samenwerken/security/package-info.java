/**
 * Users, groups, authorizations, the engine command guard and the web's doors. Front door: Roles.
 */
@ApplicationModule(displayName = "Beveiliging", allowedDependencies = {"gemeente", "platform :: engine", "platform :: form", "platform :: text", "platform :: time"})
package nl.regioamersfoort.samenwerken.security;

import org.springframework.modulith.ApplicationModule;
