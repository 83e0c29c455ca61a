/**
 * The demo run's programme in motion: on a first start of the demo, the 2022-2023 programme of seed
 * 000 is started and worked on through the real processes, as its people would, up to a demo date.
 */
@ApplicationModule(displayName = "Demo", allowedDependencies = {"budget", "programma", "platform :: time"})
package nl.regioamersfoort.samenwerken.demo;

import org.springframework.modulith.ApplicationModule;
