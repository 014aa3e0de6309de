package org.baoxue.tasklist;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.baoxue.org.BaoxueUser;
import org.baoxue.org.OrgDirectory;
import org.baoxue.org.Unit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Everything about one case across its processes, from the case module that owns it when there is one, else from
 * the engine's history: header, timeline, comments, documents. Who may look at a case is decided by the case's
 * area codes against the user's jurisdiction, or by an open task of the case the user may act on.
 */
@Component
class CaseFile {

    record Comment(LocalDateTime at, String who, String text) {
    }

    record Attachment(long id, String fileName, String contentType, long size, String stepName, String uploadedBy,
                      LocalDateTime uploadedAt) {
    }

    private final ObjectProvider<CaseContributor> contributors;
    private final HistoryService historyService;
    private final TaskService taskService;
    private final OrgDirectory directory;
    private final InboxQueries inbox;
    private final JdbcClient jdbc;

    CaseFile(ObjectProvider<CaseContributor> contributors, HistoryService historyService, TaskService taskService,
             OrgDirectory directory, InboxQueries inbox, JdbcClient jdbc) {
        this.contributors = contributors;
        this.historyService = historyService;
        this.taskService = taskService;
        this.directory = directory;
        this.inbox = inbox;
        this.jdbc = jdbc;
    }

    private Optional<CaseContributor> owner(String businessKey) {
        return contributors.orderedStream().filter(c -> c.owns(businessKey)).findFirst();
    }

    private List<HistoricProcessInstance> instances(String businessKey) {
        return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey)
                .orderByProcessInstanceStartTime().asc().list();
    }

    /** The case header: the contributor's, or one built from the process variables and the organisation. */
    Optional<CaseHeader> header(String businessKey) {
        Optional<CaseContributor> owner = owner(businessKey);
        if (owner.isPresent()) {
            Optional<CaseHeader> h = owner.get().header(businessKey);
            if (h.isPresent()) {
                return h;
            }
        }
        List<HistoricProcessInstance> instances = instances(businessKey);
        if (instances.isEmpty()) {
            return Optional.empty();
        }
        HistoricProcessInstance first = instances.get(0);
        Map<String, Object> vars = new HashMap<>();
        for (HistoricVariableInstance v : historyService.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(instances.stream().map(HistoricProcessInstance::getId).toArray(String[]::new))
                .variableNameIn("schoolCode", "villageCode", "townshipCode", "countyCode").list()) {
            vars.putIfAbsent(v.getName(), v.getValue());
        }
        String school = string(vars.get("schoolCode"));
        String village = string(vars.get("villageCode"));
        String township = string(vars.get("townshipCode"));
        String county = string(vars.get("countyCode"));
        Optional<Unit> schoolUnit = school == null ? Optional.empty() : directory.unit(school);
        if (schoolUnit.isPresent()) {
            township = township != null ? township : schoolUnit.get().townshipCode();
            county = county != null ? county : schoolUnit.get().countyCode();
        }
        if (county == null && township != null) {
            county = directory.unit(township).map(Unit::countyCode).orElse(null);
        }
        LocalDate opened = date(first.getStartTime());
        return Optional.of(new CaseHeader(businessKey, null, null, null, school,
                schoolUnit.map(Unit::name).orElse(null), county, township, village, opened, null, List.of(),
                "/cases/" + businessKey));
    }

    /** Whether the user may see the case: their jurisdiction covers it, or they may act on one of its open tasks. */
    boolean visible(BaoxueUser user, String businessKey, Optional<CaseHeader> header) {
        if (header.isPresent()) {
            CaseHeader h = header.get();
            if (user.jurisdiction().covers(h.countyCode(), h.townshipCode(), h.villageCode(), h.schoolCode())) {
                return true;
            }
        }
        return inbox.openTasksOfCase(businessKey).stream().anyMatch(r -> inbox.canRead(user, r));
    }

    /** The earlier steps: the contributor's timeline, else the engine's finished tasks. Attachments added as documents. */
    List<TimelineEntry> timeline(String businessKey) {
        List<TimelineEntry> entries = new ArrayList<>();
        Optional<CaseContributor> owner = owner(businessKey);
        if (owner.isPresent()) {
            entries.addAll(owner.get().timeline(businessKey));
        } else {
            for (HistoricTaskInstance t : historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(businessKey)
                    .finished().orderByHistoricActivityInstanceStartTime().asc().list()) {
                List<TimelineEntry.DocumentLink> docs = attachmentsOfTask(t.getId()).stream()
                        .map(a -> new TimelineEntry.DocumentLink(a.fileName(), "/attachments/" + a.id())).toList();
                entries.add(new TimelineEntry(time(t.getEndTime()), displayName(t.getAssignee()), t.getName(),
                        t.getDeleteReason() == null || "completed".equals(t.getDeleteReason()) ? "tasklist.outcome.completed"
                                : "tasklist.outcome.cancelled", docs));
            }
        }
        entries.sort(Comparator.comparing(TimelineEntry::at, Comparator.nullsLast(Comparator.naturalOrder())));
        return entries;
    }

    List<Comment> comments(String businessKey) {
        List<Comment> out = new ArrayList<>();
        for (HistoricProcessInstance p : instances(businessKey)) {
            taskService.getProcessInstanceComments(p.getId()).forEach(c ->
                    out.add(new Comment(time(c.getTime()), displayName(c.getUserId()), c.getFullMessage())));
        }
        out.sort(Comparator.comparing(Comment::at));
        return out;
    }

    List<Attachment> attachments(String businessKey) {
        return jdbc.sql("select id, file_name, content_type, size_bytes, step_name, uploaded_by, uploaded_at from task_attachment "
                        + "where business_key = ? order by id")
                .param(businessKey).query((rs, n) -> attachment(rs)).list();
    }

    private List<Attachment> attachmentsOfTask(String taskId) {
        return jdbc.sql("select id, file_name, content_type, size_bytes, step_name, uploaded_by, uploaded_at from task_attachment "
                        + "where task_id = ? order by id")
                .param(taskId).query((rs, n) -> attachment(rs)).list();
    }

    private Attachment attachment(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Attachment(rs.getLong("id"), rs.getString("file_name"), rs.getString("content_type"),
                rs.getLong("size_bytes"), rs.getString("step_name"), displayName(rs.getString("uploaded_by")),
                rs.getTimestamp("uploaded_at").toLocalDateTime());
    }

    String displayName(String username) {
        return username == null ? "" : directory.user(username).map(BaoxueUser::displayName).orElse(username);
    }

    private static String string(Object o) {
        return o == null ? null : o.toString();
    }

    private static LocalDate date(Date d) {
        return d == null ? null : d.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
    }

    private static LocalDateTime time(Date d) {
        return d == null ? null : new Timestamp(d.getTime()).toLocalDateTime();
    }
}
