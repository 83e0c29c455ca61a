/**
 * The floor under the features: engine hooks, form input, time, Dutch formats, web errors, mail and outbox, PDF. Every feature may use it; it uses none of them.
 */
@ApplicationModule(displayName = "Platform", allowedDependencies = {})
package nl.regioamersfoort.samenwerken.platform;

import org.springframework.modulith.ApplicationModule;
