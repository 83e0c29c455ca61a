package nl.regioamersfoort.samenwerken;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.test.annotation.DirtiesContext.HierarchyMode;
import org.springframework.test.context.BootstrapUtils;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextManager;

/**
 * Lets test classes share application contexts in one JVM while never keeping two alive: Camunda's
 * engine, REST API and webapps find each other in a JVM-wide registry by the engine's name, so a
 * second live context would take over the first one's name, and closing the first would then
 * unregister the second. Spring's context cache evicts only after it loaded the next context; this
 * extension (registered for every class through {@code META-INF/services}) closes the live context
 * before a class that needs another one starts, so contexts follow each other one at a time.
 * {@link ClassesByApplicationContext} orders the classes so each context boots once, and
 * {@link CleanSlate} gives each class that reuses a context the world a fresh start gives.
 *
 * <p>The engine's clock is JVM-wide too: it is put back after every class, so no class inherits
 * another's time travel.
 */
public class OneApplicationContextAtATime implements BeforeAllCallback, AfterAllCallback {

    private static final Map<Class<?>, MergedContextConfiguration> CONFIGURATIONS = new ConcurrentHashMap<>();
    private static MergedContextConfiguration live;
    private static Class<?> liveTestClass;
    private static CleanSlate cleanSlate;

    @Override
    public void beforeAll(ExtensionContext extension) {
        Class<?> testClass = extension.getRequiredTestClass();
        if (!usesApplicationContext(testClass)) {
            return;
        }
        MergedContextConfiguration needed = configurationOf(testClass);
        synchronized (OneApplicationContextAtATime.class) {
            if (needed.equals(live)) {
                cleanSlate.restore(new TestContextManager(testClass).getTestContext().getApplicationContext());
                return;
            }
            if (live != null) {
                new TestContextManager(liveTestClass).getTestContext().markApplicationContextDirty(HierarchyMode.EXHAUSTIVE);
                live = null;
            }
            // Loaded here rather than moments later by Spring's extension, to note the state a fresh start gives.
            cleanSlate = CleanSlate.of(new TestContextManager(testClass).getTestContext().getApplicationContext());
            live = needed;
            liveTestClass = testClass;
        }
    }

    @Override
    public void afterAll(ExtensionContext extension) {
        ClockUtil.reset();
    }

    static boolean usesApplicationContext(Class<?> testClass) {
        return AnnotatedElementUtils.hasAnnotation(testClass, ContextConfiguration.class)
                || AnnotatedElementUtils.hasAnnotation(testClass, org.springframework.boot.test.context.SpringBootTest.class);
    }

    /** Built once per class: the class orderer and this extension both ask. */
    static MergedContextConfiguration configurationOf(Class<?> testClass) {
        return CONFIGURATIONS.computeIfAbsent(testClass,
                type -> BootstrapUtils.resolveTestContextBootstrapper(type).buildMergedContextConfiguration());
    }
}
