package org.baoxue.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.baoxue.BaoxueTest;
import org.baoxue.org.BaoxueUser;
import org.baoxue.org.OrgDirectory;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@BaoxueTest
class TasklistWebTest {

    static final String SCHOOL = "3137001001";      // 老湖镇中心小学, township 370923101, county 370923
    static final String TOWNSHIP = "370923101";
    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired MockMvc mvc;
    @Autowired OrgDirectory directory;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired JdbcClient jdbc;

    /** Deploys the test process once per context (the context is shared). */
    static void deployTestProcess(RepositoryService repositoryService) {
        synchronized (TasklistWebTest.class) {
            if (repositoryService.createProcessDefinitionQuery().processDefinitionKey("tasklistTest").count() == 0) {
                repositoryService.createDeployment().name("tasklist-test")
                        .addClasspathResource("tasklist/tasklist-test.bpmn")
                        .addClasspathResource("tasklist/tl-test-register.form")
                        .addClasspathResource("tasklist/tl-test-verify.form")
                        .deploy();
            }
        }
    }

    @BeforeEach
    void deploy() {
        deployTestProcess(repositoryService);
    }

    /** Leaves no open task of the test process behind for other tests of the shared context. */
    @AfterEach
    void cleanUp() {
        runtimeService.createProcessInstanceQuery().processDefinitionKey("tasklistTest").list()
                .forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "test over"));
    }

    private String startCase() {
        String key = "TLW-" + UUID.randomUUID().toString().substring(0, 8) + "-" + SEQ.incrementAndGet();
        runtimeService.startProcessInstanceByKey("tasklistTest", key,
                Map.of("schoolCode", SCHOOL, "townshipCode", TOWNSHIP, "countyCode", "370923"));
        return key;
    }

    private Task openTask(String businessKey) {
        return taskService.createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();
    }

    private BaoxueUser as(String username) {
        return directory.user(username).orElseThrow();
    }

    private static MockHttpServletRequestBuilder validForm(MockHttpServletRequestBuilder b, String... overrides) {
        Map<String, String[]> p = new java.util.LinkedHashMap<>();
        p.put("contactName", new String[] {"王芳"});
        p.put("contactPhone", new String[] {"13800000000"});
        p.put("absentDays", new String[] {"12"});
        p.put("absentSince", new String[] {"2026-11-02"});
        p.put("reason", new String[] {"poverty"});
        p.put("visitPlanned", new String[] {"yes"});
        p.put("hardships", new String[] {"dibao", "left-behind"});
        p.put("notes", new String[] {"父母外出务工"});
        p.put("confirmed", new String[] {"true"});
        for (int i = 0; i < overrides.length; i += 2) {
            p.put(overrides[i], new String[] {overrides[i + 1]});
        }
        p.forEach(b::param);
        return b;
    }

    @Test
    void projectionFollowsTheEngineWithCaseColumnsFromTheVariables() {
        String key = startCase();
        Task task = openTask(key);
        Map<String, Object> row = jdbc.sql("select * from inbox_task where task_id = ?").param(task.getId()).query().singleRow();
        assertThat(row).containsEntry("BUSINESS_KEY", key).containsEntry("STEP_NAME", "班主任登记")
                .containsEntry("PROCESS_NAME", "任务列表测试流程").containsEntry("SCHOOL_NAME", "东平县老湖镇中心小学")
                .containsEntry("COUNTY_CODE", "370923").containsEntry("TOWNSHIP_CODE", TOWNSHIP)
                .containsEntry("LINE", "EDUCATION");
        assertThat(row.get("DUE_DATE")).isNotNull();
        assertThat(jdbc.sql("select candidate_group from inbox_task_group where task_id = ?").param(task.getId())
                .query(String.class).list()).containsExactly("class-teacher:" + SCHOOL);

        taskService.claim(task.getId(), "teacher");
        assertThat(jdbc.sql("select assignee from inbox_task where task_id = ?").param(task.getId()).query(String.class).single())
                .isEqualTo("teacher");
        assertThat(jdbc.sql("select claimed from inbox_task_group where task_id = ?").param(task.getId()).query(Boolean.class).single())
                .isTrue();

        taskService.complete(task.getId(), Map.of("contactName", "王芳"));
        assertThat(jdbc.sql("select count(*) from inbox_task where task_id = ?").param(task.getId()).query(Long.class).single()).isZero();
        Task next = openTask(key);
        assertThat(jdbc.sql("select line from inbox_task where task_id = ?").param(next.getId()).query(String.class).single())
                .isEqualTo("ADMINISTRATIVE");

        runtimeService.deleteProcessInstance(next.getProcessInstanceId(), "test");
        assertThat(jdbc.sql("select count(*) from inbox_task where business_key = ?").param(key).query(Long.class).single()).isZero();
    }

    @Test
    void inboxShowsTheTeachersGroupTasksAndNotOtherUnits() throws Exception {
        String key = startCase();
        String link = "href=\"/tasks/" + openTask(key).getId() + "\"";
        mvc.perform(get("/tasks").param("q", key).with(user(as("teacher"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(link)))
                .andExpect(content().string(containsString("班主任登记")))
                .andExpect(content().string(containsString("老湖镇中心小学")))
                .andExpect(content().string(containsString("教育线")));
        mvc.perform(get("/tasks").param("q", key).with(user(as("teacher3"))))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(link))));
        mvc.perform(get("/tasks").param("view", "group").with(user(as("township"))))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(link))));
        // the county supervisor sees it in the jurisdiction view, read-only; another county's does not
        mvc.perform(get("/tasks").param("view", "jurisdiction").param("q", key).with(user(as("supervisor"))))
                .andExpect(status().isOk()).andExpect(content().string(containsString(link)));
        mvc.perform(get("/tasks").param("view", "jurisdiction").param("q", key).with(user(as("citysupervisor"))))
                .andExpect(status().isOk()).andExpect(content().string(containsString(link)));
        mvc.perform(get("/tasks/counts").with(user(as("teacher"))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"count-group\"")));
        mvc.perform(get("/api/tasks").param("q", key).with(user(as("teacher"))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.tasks[0].caseNumber").value(key))
                .andExpect(jsonPath("$.tasks[0].school").value("东平县老湖镇中心小学"));
    }

    @Test
    void taskPageRendersEveryComponentOfTheForm() throws Exception {
        String key = startCase();
        Task task = openTask(key);
        mvc.perform(get("/tasks/" + task.getId()).with(user(as("teacher"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请如实填写学生缺课情况。")))               // text
                .andExpect(content().string(containsString("name=\"contactName\"")))                 // textfield
                .andExpect(content().string(containsString("inputmode=\"decimal\"")))                 // number
                .andExpect(content().string(containsString("type=\"date\"")))                         // datetime
                .andExpect(content().string(containsString("开始缺课日期")))
                .andExpect(content().string(containsString("<option value=\"poverty\">家庭困难</option>"))) // select
                .andExpect(content().string(containsString("type=\"radio\"")))                        // radio
                .andExpect(content().string(containsString("value=\"left-behind\"")))                 // checklist
                .andExpect(content().string(containsString("家庭情况")))                               // group
                .andExpect(content().string(containsString("<textarea")))                             // textarea
                .andExpect(content().string(containsString("name=\"confirmed\"")))                    // checkbox
                .andExpect(content().string(containsString("data-hide=\"[[{&quot;f&quot;:&quot;reason&quot;")))  // conditional
                .andExpect(content().string(containsString("11位手机号码")))                           // description
                .andExpect(content().string(containsString(key)));
    }

    @Test
    void aSubmissionWithErrorsIsShownAgainWithChineseMessagesAndChangesNothing() throws Exception {
        String key = startCase();
        Task task = openTask(key);
        mvc.perform(validForm(post("/tasks/" + task.getId() + "/complete"), "absentDays", "99", "contactName", "王").with(csrf()).with(user(as("teacher"))))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("不能大于 60。")))
                .andExpect(content().string(containsString("至少填写 2 个字。")))
                .andExpect(content().string(containsString("value=\"99\"")))
                .andExpect(content().string(containsString("表单中有需要更正的内容")));
        assertThat(openTask(key).getId()).isEqualTo(task.getId());
        assertThat(openTask(key).getAssignee()).isNull();
    }

    @Test
    void completingSendsTheCaseToTheTownshipWithTheFormValues() throws Exception {
        String key = startCase();
        Task task = openTask(key);
        mvc.perform(validForm(post("/tasks/" + task.getId() + "/complete")).with(csrf()).with(user(as("teacher"))))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/tasks"));
        Task next = openTask(key);
        assertThat(next.getTaskDefinitionKey()).isEqualTo("verify");
        assertThat(runtimeService.getVariables(next.getProcessInstanceId()))
                .containsEntry("absentDays", 12L).containsEntry("hardships", "dibao,left-behind")
                .containsEntry("confirmed", true).containsEntry("reason", "poverty");
        mvc.perform(get("/tasks").param("view", "group").with(user(as("township"))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("href=\"/tasks/" + next.getId() + "\"")))
                .andExpect(content().string(containsString("乡镇核实")));
        // the case page shows the earlier step in the timeline
        mvc.perform(get("/cases/" + key).with(user(as("township"))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("班主任登记")))
                .andExpect(content().string(containsString("王丽")))
                .andExpect(content().string(containsString("乡镇核实")));
        mvc.perform(get("/cases/" + key).with(user(as("teacher3")))).andExpect(status().isNotFound());
    }

    @Test
    void completingATaskSomeoneElseCompletedAMomentAgoGivesAClearMessage() throws Exception {
        String key = startCase();
        Task task = openTask(key);
        taskService.complete(task.getId(), Map.of()); // a colleague was quicker
        mvc.perform(validForm(post("/tasks/" + task.getId() + "/complete")).with(csrf()).with(user(as("teacher"))))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("此任务已由他人办理")));
        mvc.perform(post("/api/tasks/" + task.getId() + "/complete").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"contactName\":\"王芳\"}").with(csrf()).with(user(as("teacher"))))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("此任务已由他人办理")));
    }

    @Test
    void aTaskClaimedByAColleagueCannotBeCompletedByAnother() throws Exception {
        String key = startCase();
        Task task = openTask(key);
        taskService.claim(task.getId(), "colleague-of-teacher");
        mvc.perform(validForm(post("/tasks/" + task.getId() + "/complete")).with(csrf()).with(user(as("teacher"))))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("此任务已由 colleague-of-teacher 认领办理")));
        taskService.setAssignee(task.getId(), null);
        mvc.perform(post("/tasks/claim").param("ids", task.getId()).with(csrf()).with(user(as("teacher"))))
                .andExpect(status().is3xxRedirection());
        assertThat(openTask(key).getAssignee()).isEqualTo("teacher");
        mvc.perform(post("/api/tasks/" + task.getId() + "/claim").with(csrf()).with(user(as("teacher"))))
                .andExpect(status().isNoContent());
        mvc.perform(post("/tasks/" + task.getId() + "/unclaim").with(csrf()).with(user(as("teacher"))))
                .andExpect(status().is3xxRedirection());
        assertThat(openTask(key).getAssignee()).isNull();
    }

    @Test
    void theJsonApiValidatesWithTheSameRules() throws Exception {
        String key = startCase();
        Task task = openTask(key);
        mvc.perform(post("/api/tasks/" + task.getId() + "/complete").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"contactName\":\"王芳\",\"absentDays\":0,\"reason\":\"other\",\"confirmed\":true}")
                        .with(csrf()).with(user(as("teacher"))))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors.absentDays").value("不能小于 1。"))
                .andExpect(jsonPath("$.errors.otherReason").value("此项为必填项。"));
        mvc.perform(post("/api/tasks/" + task.getId() + "/complete").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"contactName\":\"王芳\",\"absentDays\":3,\"reason\":\"illness\",\"confirmed\":true}")
                        .with(csrf()).with(user(as("teacher"))))
                .andExpect(status().isNoContent());
        assertThat(openTask(key).getTaskDefinitionKey()).isEqualTo("verify");
    }

    @Test
    void aUserOfAnotherUnitGets404ForATaskIdTheyGuess() throws Exception {
        String key = startCase();
        Task task = openTask(key);
        mvc.perform(get("/tasks/" + task.getId()).with(user(as("teacher3")))).andExpect(status().isNotFound());
        mvc.perform(get("/tasks/" + task.getId()).with(user(as("township-ny")))).andExpect(status().isNotFound());
        mvc.perform(get("/api/tasks/" + task.getId()).with(user(as("teacher3")))).andExpect(status().isNotFound());
        mvc.perform(validForm(post("/tasks/" + task.getId() + "/complete")).with(csrf()).with(user(as("teacher3"))))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/tasks/" + task.getId() + "/claim").with(csrf()).with(user(as("teacher3"))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/tasks/no-such-task").with(user(as("teacher")))).andExpect(status().isNotFound());
        // a supervisor of another county neither
        mvc.perform(get("/tasks/" + task.getId()).with(user(as("countyedu-ny")))).andExpect(status().isNotFound());
        // the county supervisor reads it but cannot complete it
        mvc.perform(get("/tasks/" + task.getId()).with(user(as("supervisor"))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("督导只读")));
        mvc.perform(validForm(post("/tasks/" + task.getId() + "/complete")).with(csrf()).with(user(as("supervisor"))))
                .andExpect(status().isForbidden());
        assertThat(openTask(key).getId()).isEqualTo(task.getId());
    }

    @Test
    void attachmentsAreTypeCheckedByContentAndSizeLimited() throws Exception {
        String key = startCase();
        Task task = openTask(key);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};
        mvc.perform(multipart("/tasks/" + task.getId() + "/attachments")
                        .file(new MockMultipartFile("file", "家访照片.png", "image/png", png)).with(csrf()).with(user(as("teacher"))))
                .andExpect(status().is3xxRedirection());
        // an executable named like a PDF is refused
        mvc.perform(multipart("/tasks/" + task.getId() + "/attachments")
                        .file(new MockMultipartFile("file", "通知书.pdf", "application/pdf", "MZ\u0090 not a pdf".getBytes()))
                        .with(csrf()).with(user(as("teacher"))))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash()
                        .attribute("flashWarning", "只能上传 PNG、JPEG 图片或 PDF 文件。"));
        byte[] big = new byte[(int) Attachments.MAX_BYTES + 1];
        big[0] = '%'; big[1] = 'P'; big[2] = 'D'; big[3] = 'F'; big[4] = '-';
        mvc.perform(multipart("/tasks/" + task.getId() + "/attachments")
                        .file(new MockMultipartFile("file", "大文件.pdf", "application/pdf", big)).with(csrf()).with(user(as("teacher"))))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash()
                        .attribute("flashWarning", "文件太大，不能超过 5 MB。"));
        assertThat(jdbc.sql("select file_name from task_attachment where business_key = ?").param(key).query(String.class).list())
                .containsExactly("家访照片.png");
        long id = jdbc.sql("select id from task_attachment where business_key = ?").param(key).query(Long.class).single();
        mvc.perform(get("/attachments/" + id).with(user(as("teacher"))))
                .andExpect(status().isOk()).andExpect(content().contentType("image/png"));
        mvc.perform(get("/attachments/" + id).with(user(as("teacher3")))).andExpect(status().isNotFound());
        mvc.perform(get("/tasks/" + task.getId()).with(user(as("teacher"))))
                .andExpect(content().string(containsString("家访照片.png")));
    }

    @Test
    void commentsAndHandOverToAColleagueOfTheSameUnit() throws Exception {
        String colleague = "tl-teacher-" + SEQ.incrementAndGet();
        jdbc.sql("insert into org_user (username, display_name, password_hash, unit_code) values (?,?,?,?)")
                .params(colleague, "李老师", "{noop}x", SCHOOL).update();
        jdbc.sql("insert into org_user_role (username, role) values (?,?)").params(colleague, "class-teacher").update();
        String key = startCase();
        Task task = openTask(key);
        mvc.perform(post("/tasks/" + task.getId() + "/comments").param("text", "已电话联系家长").with(csrf()).with(user(as("teacher"))))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/tasks/" + task.getId()).with(user(as("teacher"))))
                .andExpect(content().string(containsString("已电话联系家长")))
                .andExpect(content().string(containsString("李老师")));
        mvc.perform(post("/tasks/" + task.getId() + "/handover").param("to", "teacher3").with(csrf()).with(user(as("teacher"))))
                .andExpect(status().isBadRequest()); // not a colleague of the same unit
        mvc.perform(post("/tasks/" + task.getId() + "/handover").param("to", colleague).with(csrf()).with(user(as("teacher"))))
                .andExpect(status().is3xxRedirection());
        assertThat(openTask(key).getAssignee()).isEqualTo(colleague);
        assertThat(jdbc.sql("select message from notification where username = ?").param(colleague).query(String.class).list())
                .singleElement().asString().contains("班主任登记").contains(key);
        runtimeService.deleteProcessInstance(openTask(key).getProcessInstanceId(), "test over");
        jdbc.sql("delete from notification where username = ?").param(colleague).update();
        jdbc.sql("delete from org_user_role where username = ?").param(colleague).update();
        jdbc.sql("delete from org_user where username = ?").param(colleague).update();
    }

    @Test
    void aFormWithAnUnknownComponentIsRefusedAtDeployment() {
        assertThatThrownBy(() -> repositoryService.createDeployment().name("bad-form")
                .addClasspathResource("tasklist/tl-test-bad.form").deploy())
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("tl-test-bad.form")
                .hasMessageContaining("unsupported component type \"filepicker\"");
        assertThat(repositoryService.createDeploymentQuery().deploymentName("bad-form").count()).isZero();
    }

    @Autowired InboxProjection projection;
    @Autowired org.camunda.bpm.engine.ProcessEngine engine;

    @Test
    void theProjectionCatchesUpWithTasksItMissed() {
        String key = startCase();
        Task task = openTask(key);
        jdbc.sql("delete from inbox_task_group where task_id = ?").param(task.getId()).update();
        jdbc.sql("delete from inbox_task where task_id = ?").param(task.getId()).update();
        projection.catchUp(); // the counts differ: it looks
        assertThat(jdbc.sql("select school_code from inbox_task where task_id = ?").param(task.getId()).query(String.class).single())
                .isEqualTo(SCHOOL);
        assertThat(jdbc.sql("select candidate_group from inbox_task_group where task_id = ?").param(task.getId())
                .query(String.class).list()).containsExactly("class-teacher:" + SCHOOL);
        jdbc.sql("insert into inbox_task (task_id, process_instance_id, process_key, step_key, created, line) "
                + "values ('gone-task', 'gone', 'x', 'x', current_timestamp, 'EDUCATION')").update();
        projection.resync(engine);
        assertThat(jdbc.sql("select count(*) from inbox_task where task_id = 'gone-task'").query(Long.class).single()).isZero();
    }

    @Test
    void englishOnRequest() throws Exception {
        String key = startCase();
        Task task = openTask(key);
        mvc.perform(validForm(post("/tasks/" + task.getId() + "/complete"), "absentDays", "0").param("lang", "en")
                        .with(csrf()).with(user(as("teacher"))))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("Must not be less than 1.")))
                .andExpect(content().string(containsString("Education line")));
    }

    @Test
    void theMenuOffersMyTasksFirst() throws Exception {
        mvc.perform(get("/").with(user(as("cadre"))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("我的任务")));
    }
}
