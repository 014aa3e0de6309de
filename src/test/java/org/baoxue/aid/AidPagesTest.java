package org.baoxue.aid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.baoxue.BaoxueTest;
import org.baoxue.org.OrgDirectory;
import org.baoxue.registry.Hardship;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The aid pages: scoped lists, the round page with quota use, the public list without ID numbers, batches. */
@BaoxueTest
class AidPagesTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired AidService aid;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired OrgDirectory org;

    AidFixture f;

    @BeforeEach
    void setUp() {
        f = new AidFixture(jdbc, aid, tasks);
    }

    @Test
    void roundPagesAreScopedAndThePublicListHasNoIdNumbers() throws Exception {
        long p = f.pupil(5, false, Hardship.SUBSISTENCE);
        AidRound round = f.openRound(AidFixture.semester());
        AidApplication app = f.apply(round, p, "SUBSISTENCE");
        f.evaluate(app, true);
        f.review(app, "2", null);
        f.submit(round);
        String page = mvc.perform(get("/aid/rounds/" + round.caseNumber()).with(user(f.schoolAid)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(app.maskedIdNumber()).doesNotContain(app.idNumber()).contains("id=\"quota\"");
        String quota = mvc.perform(get("/aid/rounds/" + round.caseNumber() + "/quota").with(user(f.schoolAid)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(quota).contains("id=\"quota\"").doesNotContain("<nav");
        String pub = mvc.perform(get("/aid/rounds/" + round.caseNumber() + "/public").with(user(f.teacher)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(pub).contains(app.pupilName()).doesNotContain(app.idNumber()).doesNotContain(app.maskedIdNumber())
                .doesNotContain("低保");
        mvc.perform(get("/aid/rounds/" + round.caseNumber()).with(user(org.user("schoolaid2").orElseThrow())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/aid/rounds/" + round.caseNumber() + "/public").with(user(org.user("teacher3").orElseThrow())))
                .andExpect(status().isNotFound());
        String list = mvc.perform(get("/aid/rounds").with(user(org.user("schoolaid3").orElseThrow())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).doesNotContain(round.caseNumber());
        // an objection through the page
        mvc.perform(post("/aid/rounds/" + round.caseNumber() + "/objections").with(user(f.teacher)).with(csrf())
                        .param("application", app.caseNumber()).param("raisedBy", "PARENT").param("content", "档次偏低"))
                .andExpect(status().is3xxRedirection());
        assertThat(f.task(round.caseNumber(), "answerObjection")).isNotNull();
    }

    @Test
    void openingARoundWithBadInputShowsTheFormAgain() throws Exception {
        String page = mvc.perform(post("/aid/rounds").with(user(f.schoolAid)).with(csrf())
                        .param("programme", "LIVING_SUBSIDY").param("semester", "2026").param("callText", "通知"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("学期格式");
        assertThat(aid.rounds(f.schoolAid)).isEmpty();
    }

    @Test
    void demoRoundsCoverTheSteps() throws Exception {
        new AidDemo(aid, org, tasks, management, jdbc).load();
        var countyAid = org.user("countyaid").orElseThrow();
        var statuses = aid.rounds(countyAid).stream().filter(r -> r.schoolCode().startsWith("3137"))
                .map(AidRound::status).toList();
        assertThat(statuses).contains("PAID", "APPROVED", "NOTICE", "OPEN");
        AidRound notice = aid.rounds(countyAid).stream().filter(r -> r.schoolCode().equals("3137001001") && "NOTICE".equals(r.status()))
                .findFirst().orElseThrow();
        assertThat(f.task(notice.caseNumber(), "answerObjection")).isNotNull();
        AidRound over = aid.rounds(countyAid).stream().filter(r -> r.schoolCode().equals("3137001002")).findFirst().orElseThrow();
        assertThat(aid.quota(over).over()).isTrue();
        mvc.perform(get("/aid/batches").with(user(org.user("finance").orElseThrow()))).andExpect(status().isOk());
        mvc.perform(get("/aid/rounds/" + over.caseNumber()).with(user(org.user("schoolaid2").orElseThrow())))
                .andExpect(status().isOk());
        mvc.perform(get("/aid/batches").with(user(org.user("teacher").orElseThrow()))).andExpect(status().isForbidden());
    }
}
