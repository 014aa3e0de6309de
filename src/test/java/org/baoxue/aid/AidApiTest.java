package org.baoxue.aid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import static org.hamcrest.Matchers.containsString;

import java.util.Locale;
import java.util.Map;

import org.baoxue.BaoxueTest;
import org.baoxue.org.OrgDirectory;
import org.baoxue.registry.Hardship;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The aid API: jurisdiction, the public list without ID numbers, validation as problem details, task completion. */
@BaoxueTest
class AidApiTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired AidService aid;
    @Autowired TaskService tasks;
    @Autowired OrgDirectory org;

    AidFixture f;

    @BeforeEach
    void setUp() {
        f = new AidFixture(jdbc, aid, tasks);
    }

    @Test
    void aSchoolUserCannotSeeAnotherSchoolsRound() throws Exception {
        AidRound round = f.openRound(AidFixture.semester());
        mvc.perform(get("/api/aid/rounds/" + round.caseNumber()).with(user(org.user("schoolaid").orElseThrow())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/aid/rounds/" + round.caseNumber() + "/public").with(user(org.user("leader").orElseThrow())))
                .andExpect(status().isNotFound());
        String list = mvc.perform(get("/api/aid/rounds").with(user(org.user("schoolaid").orElseThrow())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).doesNotContain(round.caseNumber());
        mvc.perform(get("/api/aid/rounds/" + round.caseNumber()).with(user(f.schoolAid)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.caseNumber").value(round.caseNumber()));
        // the county's aid centre sees every school of the county, another county's does not
        mvc.perform(get("/api/aid/rounds/" + round.caseNumber()).with(user(org.user("countyaid").orElseThrow())))
                .andExpect(status().isOk());
        mvc.perform(get("/api/aid/rounds/" + round.caseNumber()).with(user(org.user("countyedu-ny").orElseThrow())))
                .andExpect(status().isNotFound());
    }

    @Test
    void thePublicListShowsNoIdNumbersAndNoHardships() throws Exception {
        long p = f.pupil(5, false, Hardship.SUBSISTENCE);
        AidRound round = f.openRound(AidFixture.semester());
        AidApplication app = f.apply(round, p, "SUBSISTENCE");
        f.evaluate(app, true);
        f.review(app, "2", null);
        f.submit(round);
        String body = mvc.perform(get("/api/aid/rounds/" + round.caseNumber() + "/public").with(user(f.teacher)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries[0].name").value(app.pupilName()))
                .andExpect(jsonPath("$.entries[0].tier").value(2))
                .andReturn().getResponse().getContentAsString();
        String id = app.idNumber();
        assertThat(body).doesNotContain(id).doesNotContain(id.substring(id.length() - 4)).doesNotContain("SUBSISTENCE")
                .doesNotContain("低保").doesNotContain("idNumber");
        // the staff view masks the ID number and the name
        String staff = mvc.perform(get("/api/aid/rounds/" + round.caseNumber()).with(user(f.schoolAid)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(staff).doesNotContain(id).contains(app.maskedIdNumber()).doesNotContain(app.pupilName());
    }

    @Test
    void badInputGetsAProblemInTheUsersLanguageAndChangesNothing() throws Exception {
        mvc.perform(post("/api/aid/rounds").with(user(f.schoolAid)).with(csrf()).locale(Locale.SIMPLIFIED_CHINESE)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"programme\":\"LIVING_SUBSIDY\",\"semester\":\"2026秋\",\"callText\":\"通知\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("学期格式")));
        mvc.perform(post("/api/aid/rounds").with(user(f.teacher)).with(csrf())
                        .cookie(new jakarta.servlet.http.Cookie("BAOXUE_LANG", "en"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"programme\":\"LIVING_SUBSIDY\",\"semester\":\"2030-1\",\"callText\":\"通知\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("Your role cannot do this."));
        assertThat(aid.rounds(f.schoolAid)).isEmpty();
    }

    @Test
    void roundApplicationAndTaskThroughTheApi() throws Exception {
        long p = f.pupil(8, false, Hardship.ORPHAN);
        String semester = AidFixture.semester();
        mvc.perform(post("/api/aid/rounds").with(user(f.schoolAid)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"programme\":\"LIVING_SUBSIDY\",\"semester\":\"" + semester + "\",\"callText\":\"申请通知\"}"))
                .andExpect(status().isCreated());
        String roundNumber = "ZZ-" + f.school.code() + "-" + semester + "-SHBZ";
        mvc.perform(post("/api/aid/rounds/" + roundNumber + "/applications").with(user(f.teacher)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"pupilId\":" + p + ",\"categories\":[\"ORPHAN\"],\"evidence\":\"孤儿证\",\"cardAccount\":\"6222020200112233445\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.caseNumber").value(roundNumber + "-A0001"));
        String taskId = f.task(roundNumber + "-A0001", "classEvaluation").getId();
        // another school's teacher cannot complete it
        mvc.perform(post("/api/aid/tasks/" + taskId + "/complete").with(user(org.user("teacher").orElseThrow())).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/aid/tasks/" + taskId + "/complete").with(user(f.teacher)).with(csrf()).locale(Locale.SIMPLIFIED_CHINESE)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"classRank\":1,\"recommendation\":\"RECOMMEND\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("请填写“classOpinion”。"));
        mvc.perform(post("/api/aid/tasks/" + taskId + "/complete").with(user(f.teacher)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"classRank\":1,\"recommendation\":\"RECOMMEND\",\"classOpinion\":\"一致推荐\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(post("/api/aid/tasks/" + taskId + "/complete").with(user(f.teacher)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isConflict());
        assertThat(aid.application(roundNumber + "-A0001").orElseThrow().suggestedTier()).isEqualTo(1);
        assertThat(Map.of()).isEmpty();
    }
}
