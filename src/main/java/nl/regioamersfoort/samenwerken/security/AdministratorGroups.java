package nl.regioamersfoort.samenwerken.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Members of {@code beheer} are Camunda administrators, next to Camunda's own {@code camunda-admin}. */
@Component
class AdministratorGroups extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<String> adminGroups = new ArrayList<>();
        if (configuration.getAdminGroups() != null) {
            adminGroups.addAll(configuration.getAdminGroups());
        }
        for (String group : List.of(Groups.CAMUNDA_ADMIN, Roles.BEHEER)) {
            if (!adminGroups.contains(group)) {
                adminGroups.add(group);
            }
        }
        configuration.setAdminGroups(adminGroups);
    }
}
