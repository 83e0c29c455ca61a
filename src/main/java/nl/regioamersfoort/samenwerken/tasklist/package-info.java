/**
 * The saved filters people find in Camunda Tasklist.
 */
@ApplicationModule(displayName = "Tasklist", allowedDependencies = {})
package nl.regioamersfoort.samenwerken.tasklist;

import org.springframework.modulith.ApplicationModule;
