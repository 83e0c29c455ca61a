package nl.regioamersfoort.samenwerken;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Each top-level package is a module; modules use each other only through their public surface, without cycles. */
class ModuleStructureTest {

    @Test
    void modulesRespectTheirBoundaries() {
        ApplicationModules.of(SamenwerkenApplication.class).verify();
    }
}
