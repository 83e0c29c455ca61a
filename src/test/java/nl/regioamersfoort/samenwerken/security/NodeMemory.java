package nl.regioamersfoort.samenwerken.security;

import org.springframework.context.ApplicationContext;

/** What a node keeps in memory about people, forgotten between test classes as a restart would. */
public final class NodeMemory {

    private NodeMemory() {
    }

    public static void forget(ApplicationContext context) {
        context.getBeansOfType(LoginThrottle.class).values().forEach(LoginThrottle::forgetAll);
    }
}
