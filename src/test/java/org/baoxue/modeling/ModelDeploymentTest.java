package org.baoxue.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import org.baoxue.BaoxueTest;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Start-up deployment of processes/ and forms/: changed files only, each process with its own forms. */
@BaoxueTest
class ModelDeploymentTest {

    @Autowired ModelDeployment deployment;
    @Autowired RepositoryService repository;

    @Test
    void unchangedModelsMakeNoNewVersionAndAChangedFormOnlyItsProcess() throws Exception {
        Map<String, byte[]> files = shipped();
        assertThat(deployment.deploy(files)).as("everything was deployed at start-up").isEmpty();

        int dropout = version("dropout-intervention");
        int round = version("aid-round");
        Map<String, byte[]> changed = new TreeMap<>(files);
        changed.put("dropout-visit.form", new String(files.get("dropout-visit.form"), StandardCharsets.UTF_8)
                .replace("入户日期", "入户劝返日期").getBytes(StandardCharsets.UTF_8));
        try {
            assertThat(deployment.deploy(changed)).containsExactly("dropout-intervention.bpmn");
            assertThat(version("dropout-intervention")).isEqualTo(dropout + 1);
            assertThat(version("aid-round")).isEqualTo(round);
            // the new version carries its own copy of the changed form
            String deploymentId = repository.createProcessDefinitionQuery().processDefinitionKey("dropout-intervention")
                    .latestVersion().singleResult().getDeploymentId();
            assertThat(repository.getDeploymentResourceNames(deploymentId)).contains("dropout-visit.form", "dropout-report.form");
        } finally {
            deployment.deploy(files);
        }
        assertThat(version("dropout-intervention")).isEqualTo(dropout + 2);
    }

    private int version(String key) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult().getVersion();
    }

    private static Map<String, byte[]> shipped() throws Exception {
        Map<String, byte[]> files = new TreeMap<>();
        var resolver = new PathMatchingResourcePatternResolver();
        for (String pattern : new String[] {"classpath*:processes/*.bpmn", "classpath*:processes/*.dmn", "classpath*:forms/*.form"}) {
            for (var resource : resolver.getResources(pattern)) {
                files.put(resource.getFilename(), resource.getContentAsByteArray());
            }
        }
        return files;
    }
}
