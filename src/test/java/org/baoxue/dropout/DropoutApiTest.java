package org.baoxue.dropout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.baoxue.BaoxueTest;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The JSON API: same validation as the forms, problem details in the user's language, 404 outside the jurisdiction, 409. */
@BaoxueTest
class DropoutApiTest extends DropoutTestSupport {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired CaseStore store;

    org.springframework.test.web.servlet.request.RequestPostProcessor as(String username) {
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(user(username));
    }

    @Test
    void aTeacherReportsAPupilAndCompletesTheVisitThroughTheApi() throws Exception {
        long pupil = laohuPupil("张接口");
        String body = mvc.perform(post("/api/dropout/cases").with(as("teacher")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"pupilId\":" + pupil + ",\"note\":\"三天未到校\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/dropout/cases/KC-370923-")))
                .andReturn().getResponse().getContentAsString();
        String number = json.readTree(body).get("caseNumber").asText();
        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult();
        String taskId = task(pi, "ut_home_visit").getId();

        mvc.perform(get("/api/dropout/tasks").with(as("teacher")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].taskId", hasItem(taskId)));
        mvc.perform(get("/api/dropout/tasks").with(as("teacher3")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].taskId", not(hasItem(taskId))));

        // missing fields: 400 with the form's messages in Chinese, nothing written
        mvc.perform(post("/api/dropout/tasks/" + taskId + "/complete").with(as("teacher")).with(csrf())
                        .locale(Locale.SIMPLIFIED_CHINESE).contentType(MediaType.APPLICATION_JSON).content("{\"visitDate\":\"2026-11-02\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.visitors").value("入户人员（姓名、职务）：必填。"))
                .andExpect(jsonPath("$.errors.outcome").exists());
        assertThat(store.visits(caseOf(pi).id())).isEmpty();

        // another school's teacher: 404, as if there were no such task
        mvc.perform(post("/api/dropout/tasks/" + taskId + "/complete").with(as("teacher3")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(visit("RETURNED"))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/dropout/cases/" + number).with(as("township2")))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.detail").exists())
                .andExpect(jsonPath("$.trace").doesNotExist());

        mvc.perform(post("/api/dropout/tasks/" + taskId + "/complete").with(as("teacher")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(visit("NOT_RETURNED"))))
                .andExpect(status().isNoContent());
        // the same task again: someone was first
        mvc.perform(post("/api/dropout/tasks/" + taskId + "/complete").with(as("teacher")).with(csrf())
                        .param("lang", "en").contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(visit("RETURNED"))))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("Someone else")));

        mvc.perform(get("/api/dropout/cases/" + number).with(as("leader")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dropoutCase.caseNumber").value(number))
                .andExpect(jsonPath("$.timeline[*].step", hasItem("班主任入户劝返")));
    }

    @Test
    void aTeacherCannotReportAPupilOfAnotherSchoolAndBadJsonIsRefused() throws Exception {
        long pupil = pupil("李外校", YINSHAN_SCHOOL, YINSHAN, YINSHAN_VILLAGE, DONGPING);
        mvc.perform(post("/api/dropout/cases").with(as("teacher")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"pupilId\":" + pupil + "}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/dropout/cases").with(as("teacher")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"pupilId\": \"abc\""))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/dropout/cases").with(as("teacher3")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.pupilId").exists());
    }

    @Test
    void theLedgerPageAndItsExcelExportListOnlyTheJurisdictionsCases() throws Exception {
        ProcessInstance pi = open(laohuPupil("张台账"));
        mvc.perform(get("/dropout/ledger").with(as("township")))
                .andExpect(status().isOk()).andExpect(content().string(containsString(pi.getBusinessKey())))
                .andExpect(content().string(containsString("张**")))
                .andExpect(content().string(not(containsString("张台账"))));
        mvc.perform(get("/dropout/ledger").with(as("township2")))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(pi.getBusinessKey()))));
        byte[] xlsx = mvc.perform(get("/dropout/ledger.xlsx").with(as("supervisor")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            boolean found = false;
            for (var row : sheet) {
                found |= pi.getBusinessKey().equals(row.getCell(0).getStringCellValue());
            }
            assertThat(found).isTrue();
        }
        mvc.perform(get("/dropout/cases/" + pi.getBusinessKey()).with(as("teacher")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("张台账")));
    }

    @Test
    void theDemoCasesReachEveryStep() {
        DemoDropoutCases demo = new DemoDropoutCases(cases, directory, jdbc, runtime, taskService, management);
        for (DemoDropoutCases.Depth depth : DemoDropoutCases.Depth.values()) {
            long pupil = laohuPupil("张演示");
            demo.make(pupil, LAOHU_SCHOOL, depth, depth.ordinal() % 2 == 0);
            assertThat(store.openCaseOfPupil(pupil).or(() -> store.casesOfPupil(pupil).stream().findFirst())).isPresent();
        }
    }
}
