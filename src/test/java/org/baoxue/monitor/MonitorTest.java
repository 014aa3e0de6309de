package org.baoxue.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;

import org.baoxue.BaoxueTest;
import org.baoxue.org.OrgDirectory;
import org.baoxue.tasklist.TaskStatistics;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.web.servlet.MockMvc;

/** The supervisor's dashboard counts the open tasks of their jurisdiction and nothing else. */
@BaoxueTest
class MonitorTest {

    @Autowired MockMvc mvc;
    @Autowired OrgDirectory directory;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskStatistics statistics;

    @Test
    void aCountySupervisorSeesTheCountysTasksAndNotTheNeighboursOnes() throws Exception {
        repository.createDeployment().addInputStream("plain.bpmn", new ClassPathResource("org/plain.bpmn").getInputStream())
                .enableDuplicateFiltering(true).deploy();
        var dongping = directory.user("supervisor").orElseThrow();
        var ningyang = directory.user("countyedu-ny").orElseThrow().unit().jurisdiction();
        long dongpingBefore = open(dongping.jurisdiction());
        long ningyangBefore = open(ningyang);

        start("3137001001", "370923101", "370923");
        start("3137001001", "370923101", "370923");
        start("3137002001", "370921101", "370921");

        assertThat(open(dongping.jurisdiction())).isEqualTo(dongpingBefore + 2);
        assertThat(open(ningyang)).isEqualTo(ningyangBefore + 1);

        String page = mvc.perform(get("/monitor").with(user(dongping))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("核实情况").contains("东平县老湖镇中心小学").doesNotContain("宁阳县泗店镇中心小学")
                .contains("id=\"monitor-data\"");
    }

    @Test
    void officialsHaveNoDashboard() throws Exception {
        mvc.perform(get("/monitor").with(user(directory.user("teacher").orElseThrow()))).andExpect(status().isForbidden());
    }

    private long open(org.baoxue.org.Jurisdiction jurisdiction) {
        return statistics.bySteps(jurisdiction, Instant.now()).stream().mapToLong(TaskStatistics.StepLoad::open).sum();
    }

    private void start(String school, String township, String county) throws IOException {
        runtime.startProcessInstanceByKey("plainGuardTest", "MON-" + System.nanoTime(),
                Map.of("schoolCode", school, "townshipCode", township, "countyCode", county));
    }
}
