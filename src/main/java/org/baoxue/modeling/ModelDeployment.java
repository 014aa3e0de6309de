package org.baoxue.modeling;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys {@code processes/} and {@code forms/} at start-up, changed files only: each BPMN file is deployed together
 * with the forms its user tasks reference (their {@code formRefBinding="deployment"} needs them in the same
 * deployment), each decision table and each unreferenced form on its own. A group whose files are unchanged since its
 * last deployment is skipped (the engine's duplicate filtering by deployment name), so editing one form gives one
 * process a new version and leaves the others as they are.
 */
@Component
class ModelDeployment {

    private static final Logger log = LoggerFactory.getLogger(ModelDeployment.class);
    static final String PREFIX = "baoxue:";

    private final RepositoryService repository;
    private final ObjectMapper json = new ObjectMapper();

    ModelDeployment(RepositoryService repository) {
        this.repository = repository;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void deployAtStartUp() throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        var resolver = new PathMatchingResourcePatternResolver();
        for (String pattern : List.of("classpath*:processes/*.bpmn", "classpath*:processes/*.dmn", "classpath*:forms/*.form")) {
            for (Resource resource : resolver.getResources(pattern)) {
                files.put(resource.getFilename(), resource.getContentAsByteArray());
            }
        }
        List<String> deployed = deploy(files);
        if (!deployed.isEmpty()) {
            log.info("Deployed new versions of {}", deployed);
        }
    }

    /** Deploys the groups whose files changed; returns their names. */
    List<String> deploy(Map<String, byte[]> files) throws IOException {
        Map<String, String> formFileById = new LinkedHashMap<>();
        for (var file : files.entrySet()) {
            if (file.getKey().endsWith(".form")) {
                formFileById.put(json.readTree(file.getValue()).path("id").asText(), file.getKey());
            }
        }
        Map<String, Map<String, byte[]>> groups = new TreeMap<>();
        List<String> referencedForms = new ArrayList<>();
        for (var file : files.entrySet()) {
            if (file.getKey().endsWith(".bpmn")) {
                Map<String, byte[]> group = new TreeMap<>();
                group.put(file.getKey(), file.getValue());
                var model = Bpmn.readModelFromStream(new ByteArrayInputStream(file.getValue()));
                for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                    String form = formFileById.get(task.getCamundaFormRef());
                    if (form != null) {
                        group.put(form, files.get(form));
                        referencedForms.add(form);
                    }
                }
                groups.put(file.getKey(), group);
            }
        }
        for (var file : files.entrySet()) {
            boolean alone = file.getKey().endsWith(".dmn") || file.getKey().endsWith(".form") && !referencedForms.contains(file.getKey());
            if (alone) {
                groups.put(file.getKey(), Map.of(file.getKey(), file.getValue()));
            }
        }
        List<String> deployed = new ArrayList<>();
        for (var group : groups.entrySet()) {
            DeploymentBuilder builder = repository.createDeployment().name(PREFIX + group.getKey()).source("Baoxue start-up")
                    .enableDuplicateFiltering(false);
            group.getValue().forEach((name, bytes) -> builder.addInputStream(name, new ByteArrayInputStream(bytes)));
            String name = PREFIX + group.getKey();
            long before = repository.createDeploymentQuery().deploymentName(name).count();
            builder.deploy();
            if (repository.createDeploymentQuery().deploymentName(name).count() > before) {
                deployed.add(group.getKey());
            }
        }
        return deployed;
    }
}
