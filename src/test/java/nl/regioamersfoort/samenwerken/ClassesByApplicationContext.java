package nl.regioamersfoort.samenwerken;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Runs the test classes grouped by the application context they need, so that with
 * {@link OneApplicationContextAtATime} each context boots once per JVM: first the classes without
 * a context, then each group in the order of its alphabetically first class, alphabetically within
 * a group.
 */
public class ClassesByApplicationContext implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        List<MergedContextConfiguration> groups = new ArrayList<>();
        List<ClassDescriptor> alphabetical = new ArrayList<>(context.getClassDescriptors());
        alphabetical.sort(Comparator.comparing(descriptor -> descriptor.getTestClass().getName()));
        Map<ClassDescriptor, Integer> group = new HashMap<>();
        for (ClassDescriptor descriptor : alphabetical) {
            Class<?> testClass = descriptor.getTestClass();
            if (!OneApplicationContextAtATime.usesApplicationContext(testClass)) {
                group.put(descriptor, -1);
                continue;
            }
            MergedContextConfiguration configuration = OneApplicationContextAtATime.configurationOf(testClass);
            int index = groups.indexOf(configuration);
            if (index < 0) {
                groups.add(configuration);
                index = groups.size() - 1;
            }
            group.put(descriptor, index);
        }
        context.getClassDescriptors().sort(Comparator.<ClassDescriptor>comparingInt(group::get)
                .thenComparing(descriptor -> descriptor.getTestClass().getName()));
    }
}
