package org.baoxue.dropout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.baoxue.BaoxueTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The dropout process as an official meets it: in the task list, with the form the task list renders from
 * {@code forms/dropout-visit.form}, the case header, and a refusal of the dropout module shown on the form.
 */
@BaoxueTest
class DropoutInTaskListTest extends DropoutTestSupport {

    @Autowired MockMvc mvc;

    private org.springframework.test.web.servlet.request.RequestPostProcessor as(String username) {
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(user(username));
    }

    @Test
    void aClassTeacherRecordsTheHomeVisitInTheTaskList() throws Exception {
        var pi = open(laohuPupil("任务栏"));
        String taskId = task(pi, "ut_home_visit").getId();

        String inbox = mvc.perform(get("/tasks").param("q", pi.getBusinessKey()).with(as("teacher")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(inbox).contains(pi.getBusinessKey()).contains("任*").doesNotContain("任务栏");

        String page = mvc.perform(get("/tasks/" + taskId).with(as("teacher")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("入户日期").contains("辍学原因").contains(pi.getBusinessKey());

        // a visit dated tomorrow passes the form's schema but not the dropout module's rule: shown, nothing written
        String refused = mvc.perform(post("/tasks/" + taskId + "/complete").with(as("teacher")).with(csrf())
                        .param("visitDate", LocalDate.now().plusDays(2).toString()).param("visitors", "王老师")
                        .param("metWith", "父亲").param("reason", "WEARINESS").param("outcome", "RETURNED"))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("日期不能晚于今天").doesNotContain("Exception");
        assertThat(task(pi, "ut_home_visit")).isNotNull();
        assertThat(jdbc.sql("select count(*) from dropout_visit v join dropout_case c on c.id = v.case_id where c.case_number = ?")
                .param(pi.getBusinessKey()).query(Integer.class).single()).isZero();

        mvc.perform(post("/tasks/" + taskId + "/complete").with(as("teacher")).with(csrf())
                        .param("visitDate", DAY).param("visitors", "王老师").param("metWith", "父亲")
                        .param("reason", "WEARINESS").param("outcome", "NOT_RETURNED"))
                .andExpect(status().is3xxRedirection());
        assertThat(task(pi, "ut_home_visit")).isNull();
        assertThat(task(pi, "ut_joint_visit")).isNotNull();
    }
}
