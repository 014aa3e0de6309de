package org.baoxue.org;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Plugs the organisation into the engine: users and groups come from Baoxue's tables, holders of the
 * {@code admin} role are engine administrators, and models with scripts are refused unless an administrator deploys them.
 */
@Component
class OrgEnginePlugin implements ProcessEnginePlugin {

    static final String ADMIN_GROUP = Role.ADMIN.key();

    private final OrgDirectory directory;
    private final PasswordEncoder passwordEncoder;

    OrgEnginePlugin(OrgDirectory directory, PasswordEncoder passwordEncoder) {
        this.directory = directory;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setIdentityProviderSessionFactory(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return ReadOnlyIdentityProvider.class;
            }

            @Override
            public Session openSession() {
                return new OrgIdentityProvider(directory, passwordEncoder);
            }
        });

        List<Deployer> preDeployers = configuration.getCustomPreDeployers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreDeployers());
        preDeployers.add(new ScriptDeploymentGuard(ADMIN_GROUP));
        configuration.setCustomPreDeployers(preDeployers);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        // after the engine's own initialisation (and the Spring Boot starter's), which reset the list
        List<String> adminGroups = new ArrayList<>(configuration.getAdminGroups() == null ? List.of() : configuration.getAdminGroups());
        if (!adminGroups.contains(ADMIN_GROUP)) {
            adminGroups.add(ADMIN_GROUP);
        }
        configuration.setAdminGroups(adminGroups);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
    }
}
