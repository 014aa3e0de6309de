package org.baoxue.dropout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.baoxue.BaoxueTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;

/** Reporting a suspected dropout from a page, and a case's special-case action, as officials do in a browser. */
@BaoxueTest
class DropoutActionsTest extends DropoutTestSupport {

    @Autowired MockMvc mvc;

    private RequestPostProcessor as(String username) {
        return SecurityMockMvcRequestPostProcessors.user(user(username));
    }

    @Test
    void aClassTeacherFindsAPupilReportsThemAndASecondReportJoinsTheCase() throws Exception {
        long pupil = laohuPupil("页面报告");
        String found = mvc.perform(get("/dropout/report").param("q", "页面报告").with(as("teacher")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(found).contains("页面报告").contains("name=\"pupilId\" value=\"" + pupil + "\"");

        String location = mvc.perform(post("/dropout/report").with(as("teacher")).with(csrf())
                        .param("pupilId", String.valueOf(pupil)).param("note", "连续七天未到校"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/dropout/cases/KC-370923-");
        String caseNumber = location.substring("/dropout/cases/".length());
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).count()).isEqualTo(1);

        mvc.perform(post("/dropout/report").with(as("leader")).with(csrf()).param("pupilId", String.valueOf(pupil)))
                .andExpect(flash().attribute("flash", org.hamcrest.Matchers.containsString(caseNumber)));
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).count()).isEqualTo(1);

        String page = mvc.perform(get(location).with(as("teacher"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("特殊情况与转移");
    }

    @Test
    void anotherSchoolNeitherFindsNorReportsThePupil() throws Exception {
        long pupil = laohuPupil("他校学生");
        String found = mvc.perform(get("/dropout/report").param("q", "他校学生").with(as("teacher3")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(found).doesNotContain("name=\"pupilId\" value=\"" + pupil + "\"");
        mvc.perform(post("/dropout/report").with(as("teacher3")).with(csrf()).param("pupilId", String.valueOf(pupil)))
                .andExpect(flash().attributeExists("flashError"));
        assertThat(cases.ledger(DropoutCase.Status.SUSPECTED, user("supervisor")).stream()
                .noneMatch(c -> c.pupilName().equals("他校学生"))).isTrue();
    }

    @Test
    void aSpecialCaseWithoutANoteIsRefusedWithAMessageAndChangesNothing() throws Exception {
        var pi = open(laohuPupil("特殊情况"));
        mvc.perform(post("/dropout/cases/" + pi.getBusinessKey() + "/special").with(as("countyedu")).with(csrf())
                        .param("kind", "HEALTH").param("note", ""))
                .andExpect(flash().attributeExists("flashError"));
        assertThat(caseOf(pi).status()).isNotEqualTo(DropoutCase.Status.SPECIAL);
        mvc.perform(post("/dropout/cases/" + pi.getBusinessKey() + "/special").with(as("countyedu")).with(csrf())
                        .param("kind", "HEALTH").param("note", "经医院诊断需长期治疗"))
                .andExpect(flash().attributeExists("flash"));
        assertThat(caseOf(pi).status()).isEqualTo(DropoutCase.Status.SPECIAL);
    }

    @Test
    void aGbkAbsenceListReportsThoseOverTheThresholdWithoutAnExcuse() throws Exception {
        long absent = laohuPupil("缺课多日");
        long excused = laohuPupil("请过假的");
        String absentNumber = jdbc.sql("select student_number from pupil where id = ?").param(absent).query(String.class).single();
        String excusedNumber = jdbc.sql("select student_number from pupil where id = ?").param(excused).query(String.class).single();
        String csv = "学籍号,缺课天数,请假事由\n" + absentNumber + ",9,\n" + excusedNumber + ",9,病假\nG000NOBODY,12,\n";
        var file = new org.springframework.mock.web.MockMultipartFile("file", "缺课.csv", "text/csv",
                csv.getBytes(java.nio.charset.Charset.forName("GBK")));

        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/dropout/absences")
                        .file(file).with(as("teacher")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("已报告疑似辍学").contains("有请假事由，未报告").contains("您的管辖范围内没有此学生");
        assertThat(cases.ledger(DropoutCase.Status.SUSPECTED, user("teacher")).stream().map(DropoutCase::pupilName))
                .contains("缺课多日").doesNotContain("请过假的");
    }

    @Test
    void anAbsenceListWithoutItsColumnsIsRefusedWhole() throws Exception {
        var file = new org.springframework.mock.web.MockMultipartFile("file", "x.csv", "text/csv",
                "姓名,天数\n张三,9\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/dropout/absences")
                        .file(file).with(as("teacher")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("文件缺少“学籍号”或“缺课天数”列");
    }
}
