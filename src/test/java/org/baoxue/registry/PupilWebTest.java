package org.baoxue.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.baoxue.BaoxueTest;
import org.baoxue.org.AuditLog;
import org.baoxue.org.BaoxueUser;
import org.baoxue.org.OrgDirectory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@BaoxueTest
class PupilWebTest {

    @Autowired MockMvc mvc;
    @Autowired OrgDirectory org;
    @Autowired PupilImport importer;
    @Autowired Pupils pupils;
    @Autowired AuditLog audit;
    @Autowired JdbcClient jdbc;

    RequestPostProcessor as(String username) {
        return user(org.user(username).orElseThrow());
    }

    BaoxueUser u(String username) {
        return org.user(username).orElseThrow();
    }

    /** A pupil made for the test, at the school, by the county officer. */
    Pupil pupil(String school, String name) {
        String id = TestFiles.idNumber();
        String[] row = TestFiles.row(TestFiles.studentNumber(id), name, id, school, "4", "370923101201", "低保");
        importer.apply(importer.validate(TestFiles.csv(StandardCharsets.UTF_8, TestFiles.HEADER, List.<String[]>of(row)), "t",
                u("countyedu"), n -> { }), PupilImport.Mode.ALL_OR_NOTHING, u("countyedu"), n -> { });
        return pupils.findByStudentNumber(row[0]).orElseThrow();
    }

    @Test
    void listsMaskIdNumbersAndAFullViewIsAudited() throws Exception {
        Pupil p = pupil(PupilImportTest.LAOHU_PRIMARY, "孔令辉");
        String list = mvc.perform(get("/pupils").param("q", "孔令辉").with(as("teacher")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("孔令辉", p.maskedIdNumber()).doesNotContain(p.idNumber());

        String page = mvc.perform(get("/pupils/" + p.id()).with(as("teacher")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(p.idNumber(), "13812345678", "低保", "王建国", "(父亲)", "在读", "4年级", "前埠子村", "学籍历史",
                Semesters.current(java.time.LocalDate.now()));
        assertThat(audit.forTarget("pupil", String.valueOf(p.id()))).anySatisfy(e -> {
            assertThat(e.username()).isEqualTo("teacher");
            assertThat(e.unitCode()).isEqualTo(PupilImportTest.LAOHU_PRIMARY);
            assertThat(e.action()).isEqualTo("registry.pupil.view-full");
            assertThat(e.at()).isNotNull();
        });
    }

    @Test
    void supervisorsAndVillageStaffSeeTheRecordMasked() throws Exception {
        Pupil p = pupil(PupilImportTest.LAOHU_PRIMARY, "颜真卿");
        for (String who : List.of("supervisor", "cadre", "township")) {
            String page = mvc.perform(get("/pupils/" + p.id()).with(as(who)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(page).contains("颜真卿", p.maskedIdNumber(), "138****5678").doesNotContain(p.idNumber(), "13812345678");
        }
        assertThat(audit.forTarget("pupil", String.valueOf(p.id()))).extracting(AuditLog.Entry::action)
                .containsOnly("registry.pupil.view");
    }

    @Test
    void aSchoolSeesOnlyItsPupilsAndTheCountySeesAllSchoolsOfTheCounty() throws Exception {
        Pupil yinshan = pupil(PupilImportTest.YINSHAN_PRIMARY, "柳公权");
        mvc.perform(get("/pupils/" + yinshan.id()).with(as("teacher"))).andExpect(status().isNotFound());
        // the query is echoed in the search box, so look at the result count and the table
        assertThat(mvc.perform(get("/pupils").param("q", "柳公权").with(as("teacher")))
                .andReturn().getResponse().getContentAsString()).contains("共 0 名学生").doesNotContain(yinshan.maskedIdNumber());
        assertThat(mvc.perform(get("/pupils").param("q", yinshan.idNumber()).with(as("teacher")))
                .andReturn().getResponse().getContentAsString()).contains("共 0 名学生");
        assertThat(mvc.perform(get("/pupils").param("school", PupilImportTest.YINSHAN_PRIMARY).with(as("teacher")))
                .andReturn().getResponse().getContentAsString()).contains("共 0 名学生");
        mvc.perform(get("/pupils/" + yinshan.id()).with(as("countyedu-ny"))).andExpect(status().isNotFound());

        assertThat(mvc.perform(get("/pupils").param("q", yinshan.studentNumber()).with(as("countyedu")))
                .andReturn().getResponse().getContentAsString()).contains("柳公权");
        PupilSearch.Page all = search.search(u("supervisor"), null, null, 0);
        long county = jdbc.sql("select count(*) from pupil where county_code = '370923'").query(Long.class).single();
        long schoolsOfCounty = jdbc.sql("select count(distinct school_code) from pupil where county_code = '370923'").query(Long.class).single();
        assertThat(all.total()).isEqualTo(county);
        assertThat(schoolsOfCounty).as("the demo schools, and any a test added").isGreaterThanOrEqualTo(3);
        mvc.perform(get("/pupils/" + yinshan.id()).with(as("supervisor"))).andExpect(status().isOk());
    }

    @Autowired PupilSearch search;

    @Test
    void theExportNeutralisesFormulasAndMasksForMaskedRoles() throws Exception {
        String id = TestFiles.idNumber();
        String[] row = TestFiles.row(TestFiles.studentNumber(id), "=HYPERLINK(\"http://x\")", id, PupilImportTest.LAOHU_PRIMARY, "4", "370923101201", "");
        row[5] = "@SUM(A1:A9)";
        row[8] = "+王五";
        row[9] = "-1";
        importer.apply(importer.validate(TestFiles.xlsx(TestFiles.HEADER, List.<String[]>of(row)), "t", u("teacher"), n -> { }),
                PupilImport.Mode.ALL_OR_NOTHING, u("teacher"), n -> { });

        byte[] xlsx = mvc.perform(get("/pupils/export.xlsx").param("q", id).with(as("teacher")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            Row r = sheet.getRow(1);
            for (Row any : sheet) {
                for (Cell c : any) {
                    assertThat(c.getCellType()).isEqualTo(CellType.STRING);
                    assertThat(c.getStringCellValue()).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@").doesNotStartWith("-");
                }
            }
            assertThat(r.getCell(1).getStringCellValue()).isEqualTo("'=HYPERLINK(\"http://x\")");
            assertThat(r.getCell(6).getStringCellValue()).isEqualTo("'@SUM(A1:A9)");
            assertThat(r.getCell(9).getStringCellValue()).isEqualTo("'+王五");
            assertThat(r.getCell(2).getStringCellValue()).isEqualTo(id); // the pupil's own school sees it in full
        }
        byte[] masked = mvc.perform(get("/pupils/export.xlsx").param("q", id).with(as("supervisor")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(masked))) {
            assertThat(wb.getSheetAt(0).getRow(1).getCell(2).getStringCellValue()).isEqualTo(IdNumbers.mask(id));
        }
    }

    @Test
    void uploadPreviewConfirmInTheBackgroundWithTheJobBoundToTheUploader() throws Exception {
        String id = TestFiles.idNumber();
        String[] good = TestFiles.row(TestFiles.studentNumber(id), "王羲之", id, PupilImportTest.LAOHU_PRIMARY, "2", "370923101201", "建档立卡");
        String badId = TestFiles.idNumber();
        String[] bad = TestFiles.row(TestFiles.studentNumber(badId), "王献之", badId, PupilImportTest.YINSHAN_PRIMARY, "2", "370923101201", "");
        MockMultipartFile file = new MockMultipartFile("file", "名单.csv", "text/csv",
                TestFiles.csv(Charset.forName("GBK"), TestFiles.HEADER, List.of(good, bad)));

        String location = mvc.perform(multipart("/pupils/import").file(file).with(as("teacher")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/pupils/import/");
        String preview = waitFor(location, "PREVIEW", "teacher");
        assertThat(preview).contains("王献之", "不在您的管辖范围内", IdNumbers.mask(badId)).doesNotContain(badId);

        String problems = mvc.perform(get(location + "/problems.csv").with(as("teacher"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(problems).startsWith("\uFEFF行号,").contains("\"王献之\"", "不在您的管辖范围内").doesNotContain("王羲之", badId);
        mvc.perform(get(location + "/problems.csv").with(as("leader"))).andExpect(status().isNotFound());
        mvc.perform(get(location).with(as("leader"))).andExpect(status().isNotFound());
        mvc.perform(post(location + "/confirm").param("mode", "VALID_ONLY").with(as("leader")).with(csrf()))
                .andExpect(status().isNotFound());

        mvc.perform(post(location + "/confirm").param("mode", "VALID_ONLY").with(as("teacher")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        String done = waitFor(location, "DONE", "teacher");
        assertThat(done).contains("新增 1 名");
        assertThat(pupils.findByStudentNumber(good[0])).isPresent();
        assertThat(pupils.findByStudentNumber(bad[0])).isEmpty();
    }

    @Test
    void refusesANonSpreadsheetAnOversizedFileAndUsersWhoMayNotImport() throws Exception {
        MockMultipartFile pdf = new MockMultipartFile("file", "名单.xlsx", "application/pdf",
                new byte[] {'%', 'P', 'D', 'F', '-', '1', '.', '7', '\n', 0, 1, 2, 3, (byte) 0xE2, (byte) 0xE3});
        String location = mvc.perform(multipart("/pupils/import").file(pdf).with(as("teacher")).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(waitFor(location, "REFUSED", "teacher")).contains("这不是 Excel");

        byte[] big = new byte[20 * 1024 * 1024 + 1];
        String page = mvc.perform(multipart("/pupils/import").file(new MockMultipartFile("file", "big.csv", "text/csv", big))
                        .with(as("teacher")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("文件超过 20 MB");

        mvc.perform(get("/pupils/import").with(as("supervisor"))).andExpect(status().isForbidden());
        mvc.perform(multipart("/pupils/import").file(pdf).with(as("cadre")).with(csrf())).andExpect(status().isForbidden());
    }

    private String waitFor(String location, String state, String who) throws Exception {
        String body = "";
        for (int i = 0; i < 300; i++) {
            body = mvc.perform(get(location + "/status").with(as(who))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            if (body.contains("data-state=\"" + state + "\"")) {
                return body;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job did not reach " + state + ": " + body);
    }
}
