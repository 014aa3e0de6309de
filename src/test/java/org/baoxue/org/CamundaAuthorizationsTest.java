package org.baoxue.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;

import org.baoxue.BaoxueTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

/** In Camunda's REST API (and so its Tasklist), officials see and work exactly their groups' tasks. */
@BaoxueTest
class CamundaAuthorizationsTest {

    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @LocalServerPort int port;

    @Test
    void aClassTeacherSeesAndCompletesHerSchoolsTaskButNotAnotherSchools() throws IOException, InterruptedException {
        repository.createDeployment().addInputStream("plain.bpmn", new ClassPathResource("org/plain.bpmn").getInputStream())
                .enableDuplicateFiltering(true).deploy();
        String key = "AUTH-" + System.nanoTime();
        runtime.startProcessInstanceByKey("plainGuardTest", key, Map.of("schoolCode", "3137001001"));
        WebClient machine = new WebClient(port);

        String ours = machine.basic("/engine-rest/task?maxResults=50&processInstanceBusinessKey=" + key, "teacher", DemoOrganisation.DEMO_PASSWORD).body();
        assertThat(ours).contains("核实情况");
        String theirs = machine.basic("/engine-rest/task?maxResults=50&processInstanceBusinessKey=" + key, "teacher2", DemoOrganisation.DEMO_PASSWORD).body();
        assertThat(theirs).isEqualTo("[]");
        String supervisor = machine.basic("/engine-rest/task?maxResults=50&processInstanceBusinessKey=" + key, "supervisor", DemoOrganisation.DEMO_PASSWORD).body();
        assertThat(supervisor).isEqualTo("[]");

        String taskId = ours.replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
        var other = machine.postJson("/engine-rest/task/" + taskId + "/complete", "{}", basic("teacher2"));
        assertThat(other.statusCode()).isIn(403, 404);
        var mine = machine.postJson("/engine-rest/task/" + taskId + "/complete", "{}", basic("teacher"));
        assertThat(mine.statusCode()).isEqualTo(204);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).count()).isZero();
    }

    private static Map<String, String> basic(String user) {
        return Map.of("Authorization", "Basic " + java.util.Base64.getEncoder()
                .encodeToString((user + ":" + DemoOrganisation.DEMO_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
