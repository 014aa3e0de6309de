package org.baoxue.tasklist;

import java.sql.Timestamp;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.baoxue.org.OrgDirectory;
import org.baoxue.org.Unit;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the task list's own table of open user tasks ({@code inbox_task}, one row per task, and
 * {@code inbox_task_group}, one row per candidate group) in step with the engine: the engine calls it as a task
 * listener of every user task, inside the engine's transaction, so the projection is never ahead of or behind
 * the engine. Case columns come from the {@link CaseContributor} owning the business key, or else from the
 * process variables {@code schoolCode}, {@code villageCode}, {@code townshipCode}, {@code countyCode}.
 *
 * <p>A case module that writes its case after the first task exists may call {@link #refreshCase(String)}.
 */
@Component
public class InboxProjection implements TaskListener {

    /** Roles of the administrative line (双线包保); every other role works on the education line. */
    static final List<String> ADMINISTRATIVE_ROLES = List.of("township-official", "village-cadre");

    private final JdbcClient jdbc;
    private final OrgDirectory directory;
    private final ObjectProvider<CaseContributor> contributors;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(InboxProjection.class);

    private final Map<String, String[]> definitions = new ConcurrentHashMap<>();
    private final ObjectProvider<org.camunda.bpm.engine.ProcessEngine> engineServices;

    InboxProjection(JdbcClient jdbc, OrgDirectory directory, ObjectProvider<CaseContributor> contributors,
                    ObjectProvider<org.camunda.bpm.engine.ProcessEngine> engineServices) {
        this.engineServices = engineServices;
        this.jdbc = jdbc;
        this.directory = directory;
        this.contributors = contributors;
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_COMPLETE, EVENTNAME_DELETE -> remove(task.getId());
            default -> upsert(task);
        }
    }

    void remove(String taskId) {
        jdbc.sql("delete from inbox_task_group where task_id = ?").param(taskId).update();
        jdbc.sql("delete from inbox_task where task_id = ?").param(taskId).update();
    }

    /** What the projection needs to know of a task, from a task listener or from the engine's query API. */
    private record Facts(String taskId, String processInstanceId, String processDefinitionId, String businessKey,
                         String stepKey, String stepName, String assignee, Date created, Date due,
                         List<String> candidateGroups, java.util.function.Function<String, Object> variable) {
    }

    private void upsert(DelegateTask task) {
        List<String> groups = task.getCandidates().stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLink::getGroupId).distinct().sorted().toList();
        write(new Facts(task.getId(), task.getProcessInstanceId(), task.getProcessDefinitionId(),
                task.getExecution() != null ? task.getExecution().getProcessBusinessKey() : null,
                task.getTaskDefinitionKey(), task.getName(), task.getAssignee(), task.getCreateTime(), task.getDueDate(),
                groups, task::getVariable), task.getProcessEngineServices().getRepositoryService());
    }

    private void write(Facts task, RepositoryService repository) {
        String[] definition = definitions.computeIfAbsent(task.processDefinitionId(), id -> {
            ProcessDefinition d = repository.getProcessDefinition(id);
            return new String[] {d.getKey(), d.getName() != null ? d.getName() : d.getKey()};
        });
        List<String> groups = task.candidateGroups();
        String line = groups.stream().anyMatch(g -> ADMINISTRATIVE_ROLES.contains(g.split(":")[0]))
                ? CaseHeader.Line.ADMINISTRATIVE.name() : CaseHeader.Line.EDUCATION.name();
        CaseColumns c = caseColumns(task.businessKey(), task.variable());
        Timestamp due = timestamp(task.due());

        remove(task.taskId());
        jdbc.sql("insert into inbox_task (task_id, process_instance_id, business_key, process_key, process_name, step_key, "
                        + "step_name, assignee, created, due_date, line, pupil_masked, pupil_name, school_code, school_name, county_code, "
                        + "township_code, village_code) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(task.taskId(), task.processInstanceId(), task.businessKey(), definition[0], definition[1],
                        task.stepKey(), task.stepName() != null ? task.stepName() : task.stepKey(),
                        task.assignee(), timestamp(task.created() != null ? task.created() : new Date()), due, line,
                        c.pupilMasked, c.pupilName, c.schoolCode, c.schoolName, c.countyCode, c.townshipCode, c.villageCode)
                .update();
        for (String group : groups) {
            jdbc.sql("insert into inbox_task_group (task_id, candidate_group, due_date, claimed) values (?,?,?,?)")
                    .params(task.taskId(), group, due, task.assignee() != null).update();
        }
    }

    /**
     * Brings the projection in step with the engine when they differ, e.g. for tasks created before the task list
     * was installed: adds the missing open tasks and drops rows whose task is gone. Costs two counts when in step.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    public void catchUp() {
        org.camunda.bpm.engine.ProcessEngine engine = engineServices.getIfAvailable();
        if (engine == null) {
            return;
        }
        long open = engine.getTaskService().createTaskQuery().count();
        long projected = jdbc.sql("select count(*) from inbox_task").query(Long.class).single();
        if (open != projected) {
            resync(engine);
        }
    }

    /** Compares every open task with the projection: adds what is missing, removes what is stale. */
    void resync(org.camunda.bpm.engine.ProcessEngine engine) {
        java.util.Set<String> known = new java.util.HashSet<>(jdbc.sql("select task_id from inbox_task").query(String.class).list());
        java.util.Set<String> seen = new java.util.HashSet<>();
        int added = 0;
        for (int first = 0; ; first += 500) {
            List<org.camunda.bpm.engine.task.Task> page = engine.getTaskService().createTaskQuery().orderByTaskId().asc().listPage(first, 500);
            for (org.camunda.bpm.engine.task.Task t : page) {
                seen.add(t.getId());
                if (known.contains(t.getId()) || t.getProcessInstanceId() == null) {
                    continue;
                }
                var instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(t.getProcessInstanceId()).singleResult();
                List<String> groups = engine.getTaskService().getIdentityLinksForTask(t.getId()).stream()
                        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                        .map(IdentityLink::getGroupId).distinct().sorted().toList();
                String execution = t.getExecutionId();
                write(new Facts(t.getId(), t.getProcessInstanceId(), t.getProcessDefinitionId(),
                        instance == null ? null : instance.getBusinessKey(), t.getTaskDefinitionKey(), t.getName(),
                        t.getAssignee(), t.getCreateTime(), t.getDueDate(), groups,
                        name -> engine.getRuntimeService().getVariable(execution, name)), engine.getRepositoryService());
                added++;
            }
            if (page.size() < 500) {
                break;
            }
        }
        known.removeAll(seen);
        known.forEach(this::remove);
        LOG.info("Task list projection caught up with the engine: {} tasks added, {} stale rows removed", added, known.size());
    }

    /** Re-reads the case columns of every open task of a case, e.g. after the case module wrote its record. */
    public void refreshCase(String businessKey) {
        Optional<CaseHeader> header = header(businessKey);
        if (header.isEmpty()) {
            return;
        }
        CaseColumns c = fromHeader(header.get());
        jdbc.sql("update inbox_task set pupil_masked = ?, pupil_name = ?, school_code = ?, school_name = ?, county_code = ?, township_code = ?, "
                        + "village_code = ? where business_key = ?")
                .params(c.pupilMasked, c.pupilName, c.schoolCode, c.schoolName, c.countyCode, c.townshipCode, c.villageCode, businessKey)
                .update();
    }

    Optional<CaseHeader> header(String businessKey) {
        if (businessKey == null) {
            return Optional.empty();
        }
        return contributors.orderedStream().filter(c -> c.owns(businessKey)).findFirst()
                .flatMap(c -> c.header(businessKey));
    }

    private record CaseColumns(String pupilMasked, String pupilName, String schoolCode, String schoolName, String countyCode,
                               String townshipCode, String villageCode) {
    }

    private CaseColumns fromHeader(CaseHeader h) {
        return complete(h.pupilMaskedName(), h.pupilName(), h.schoolCode(), h.schoolName(), h.countyCode(), h.townshipCode(), h.villageCode());
    }

    private CaseColumns caseColumns(String businessKey, java.util.function.Function<String, Object> variable) {
        Optional<CaseHeader> header = header(businessKey);
        if (header.isPresent()) {
            return fromHeader(header.get());
        }
        return complete(null, null, string(variable.apply("schoolCode")), null, string(variable.apply("countyCode")),
                string(variable.apply("townshipCode")), string(variable.apply("villageCode")));
    }

    /** Fills what the organisation knows: a school's name and area, a village's township and county. */
    private CaseColumns complete(String pupil, String pupilName, String school, String schoolName, String county, String township, String village) {
        if (school != null && (schoolName == null || county == null || township == null)) {
            Optional<Unit> unit = directory.unit(school);
            if (unit.isPresent()) {
                schoolName = Objects.requireNonNullElse(schoolName, unit.get().name());
                county = Objects.requireNonNullElse(county, unit.get().countyCode());
                township = township != null ? township : unit.get().townshipCode();
            }
        }
        if (village != null && (county == null || township == null)) {
            Optional<Unit> unit = directory.unit(village);
            if (unit.isPresent()) {
                county = county != null ? county : unit.get().countyCode();
                township = township != null ? township : unit.get().townshipCode();
            }
        }
        if (township != null && county == null) {
            county = directory.unit(township).map(Unit::countyCode).orElse(null);
        }
        return new CaseColumns(pupil, pupilName, school, schoolName, county, township, village);
    }

    private static String string(Object o) {
        return o == null ? null : o.toString();
    }

    private static Timestamp timestamp(Date date) {
        return date == null ? null : new Timestamp(date.getTime());
    }
}
