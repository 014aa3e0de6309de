package org.baoxue.tasklist;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

/**
 * Parses every {@code .form} resource of a deployment before anything is deployed and refuses the deployment when
 * a form uses a component, rule or condition the task list cannot render — at deployment, not when an official
 * opens the task.
 */
class FormDeploymentGuard implements Deployer {

    @Override
    public void deploy(DeploymentEntity deployment) {
        for (ResourceEntity resource : deployment.getResources().values()) {
            String name = resource.getName();
            if (name == null || !name.toLowerCase(Locale.ROOT).endsWith(".form") || resource.getBytes() == null) {
                continue;
            }
            try {
                FormSchema.parse(new String(resource.getBytes(), StandardCharsets.UTF_8));
            } catch (FormSchema.FormSchemaException e) {
                throw new ProcessEngineException("Deployment refused: " + name + ": " + e.getMessage());
            }
        }
    }
}
