package org.baoxue.dropout;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.baoxue.org.AuditLog;
import org.baoxue.org.BaoxueUser;
import org.baoxue.org.OrgDirectory;
import org.baoxue.org.Role;
import org.baoxue.org.Unit;
import org.baoxue.org.UnitKind;
import org.baoxue.registry.Pupil;
import org.baoxue.registry.Pupils;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dropout module's services, used by the forms' listeners, the JSON API, the imports and the demo data:
 * report a suspected dropout (opening a case or joining the open one), complete a step, report a special case,
 * transfer a case to another county, reopen on a new absence, the ledgers. Every method that takes a user checks
 * the user's jurisdiction in its query; a case or task outside it is "not found".
 */
@Service
public class DropoutCases {

    public static final String PROCESS = "dropout-intervention";
    public static final String PREFIX = "KC-";

    /** Where a report comes from (教基厅函〔2024〕15号: school reports, absence monitoring, the term-start check). */
    public enum Source { TEACHER, ABSENCE, REGISTER }

    /** Special cases that any step may meet (义务教育法第十一条): illness or disability; other lawful ends. */
    public enum SpecialKind { HEALTH, ENDED }

    public record ReportResult(String caseNumber, boolean joined) {
    }

    public record AbsenceRow(String studentNumber, int absentDays, String excuse) {
    }

    public record AbsenceResult(String studentNumber, String outcome, String caseNumber) {
    }

    public record TaskView(String taskId, String name, String taskKey, String formId, String caseNumber,
                           String pupilMaskedName, String schoolName, Date due, boolean overdue) {
    }

    private static final Set<Role> REPORTERS = Set.of(Role.CLASS_TEACHER, Role.SCHOOL_LEADER, Role.TOWNSHIP_EDU, Role.COUNTY_EDU);
    private static final Set<Role> CASE_OFFICIALS = Set.of(Role.SCHOOL_LEADER, Role.TOWNSHIP_EDU, Role.COUNTY_EDU,
            Role.TOWNSHIP_OFFICIAL);

    private final CaseStore store;
    private final Pupils pupils;
    private final Deadlines deadlines;
    private final FormRules rules;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final RepositoryService repository;
    private final OrgDirectory directory;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final org.camunda.bpm.engine.HistoryService history;
    private final org.baoxue.org.Notifications notifications;
    private final org.springframework.context.MessageSource messages;

    DropoutCases(CaseStore store, Pupils pupils, Deadlines deadlines, FormRules rules, RuntimeService runtime,
                 TaskService tasks, RepositoryService repository, OrgDirectory directory, AuditLog audit, JdbcClient jdbc,
                 org.camunda.bpm.engine.HistoryService history, org.baoxue.org.Notifications notifications,
                 org.springframework.context.MessageSource messages) {
        this.history = history;
        this.notifications = notifications;
        this.messages = messages;
        this.store = store;
        this.pupils = pupils;
        this.deadlines = deadlines;
        this.rules = rules;
        this.runtime = runtime;
        this.tasks = tasks;
        this.repository = repository;
        this.directory = directory;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    // ------------------------------------------------------------------ reports

    /**
     * A suspected dropout is reported. The first report opens a case (case number, record, process); a report while
     * a case is open joins it; a report while the pupil is in follow-up after returning reopens the case.
     * {@code user} null: the server itself (an import run by a scheduled job).
     */
    @Transactional
    public ReportResult report(long pupilId, Source source, Integer absentDays, String note, BaoxueUser user) {
        Pupil pupil = (user == null ? pupils.find(pupilId) : pupils.findVisible(pupilId, user))
                .orElseThrow(DropoutException::notFound);
        if (user != null && user.roles().stream().noneMatch(REPORTERS::contains)) {
            throw new DropoutException(DropoutException.Kind.FORBIDDEN, "dropout.error.forbidden");
        }
        if (note != null && note.length() > 1000) {
            throw new DropoutException(DropoutException.Kind.INVALID, "dropout.error.invalid",
                    Map.of("note", new DropoutException.FieldError("dropout.validation.too-long", List.of("note", 1000))));
        }
        String who = user == null ? Actor.SYSTEM : user.getUsername();
        // one open case per pupil: the pupil's row is the lock two simultaneous reports queue on
        jdbc.sql("select id from pupil where id = ? for update").param(pupilId).query(Long.class).single();
        Optional<DropoutCase> open = store.openCaseOfPupil(pupilId);
        if (open.isPresent()) {
            DropoutCase c = open.get();
            store.addReport(c.id(), source.name(), who, absentDays, note);
            if (c.status() == DropoutCase.Status.RETURNED) {
                correlateAbsentAgain(c);
            }
            if (user != null) {
                audit.record(user, "DROPOUT_REPORT_JOINED", "dropout_case", c.caseNumber(), source.name());
            }
            return new ReportResult(c.caseNumber(), true);
        }
        LocalDate today = LocalDate.now(FormRules.ZONE);
        String number = store.nextCaseNumber(pupil.countyCode(), today.getYear());
        long caseId = store.insertCase(number, pupilId, source.name(), pupil.countyCode(), pupil.townshipCode(),
                pupil.villageCode(), pupil.schoolCode(), today, who);
        store.addReport(caseId, source.name(), who, absentDays, note);
        Map<String, Object> vars = new HashMap<>();
        vars.put("countyCode", pupil.countyCode());
        vars.put("townshipCode", pupil.townshipCode());
        vars.put("villageCode", pupil.villageCode());
        vars.put("schoolCode", pupil.schoolCode());
        String pid = runtime.startProcessInstanceByKey(PROCESS, number, vars).getId();
        store.setProcessInstance(caseId, pid);
        if (user != null) {
            audit.record(user, "DROPOUT_CASE_OPENED", "dropout_case", number, source.name());
        }
        return new ReportResult(number, false);
    }

    /**
     * The absence import: a pupil absent more than the county's threshold (DMN {@code absenceThreshold}, default 5
     * school days) without a valid excuse is reported. Each row gets an outcome; unknown pupils change nothing.
     */
    @Transactional
    public List<AbsenceResult> reportAbsences(List<AbsenceRow> rows, BaoxueUser user) {
        List<AbsenceResult> results = new ArrayList<>();
        for (AbsenceRow row : rows) {
            Optional<Pupil> pupil = pupils.findByStudentNumber(row.studentNumber())
                    .filter(p -> user == null || user.jurisdiction().covers(p.countyCode(), p.townshipCode(), p.villageCode(), p.schoolCode()));
            if (pupil.isEmpty()) {
                results.add(new AbsenceResult(row.studentNumber(), "UNKNOWN_PUPIL", null));
            } else if (row.excuse() != null && !row.excuse().isBlank()) {
                results.add(new AbsenceResult(row.studentNumber(), "EXCUSED", null));
            } else if (row.absentDays() <= deadlines.of(pupil.get().countyCode()).absenceThreshold()) {
                results.add(new AbsenceResult(row.studentNumber(), "BELOW_THRESHOLD", null));
            } else {
                ReportResult r = report(pupil.get().id(), Source.ABSENCE, row.absentDays(), null, user);
                results.add(new AbsenceResult(row.studentNumber(), r.joined() ? "JOINED" : "REPORTED", r.caseNumber()));
            }
        }
        return results;
    }

    /**
     * The term-start register check: every pupil of compulsory-education age in the registry (within the user's
     * jurisdiction) with no enrolment in the semester is reported. Returns the case numbers.
     */
    @Transactional
    public List<String> registerCheck(String semester, LocalDate on, BaoxueUser user) {
        if (semester == null || !semester.matches("\\d{4}-[12]")) {
            throw new DropoutException(DropoutException.Kind.INVALID, "dropout.error.semester");
        }
        List<Object> args = new ArrayList<>(user.jurisdiction().args());
        args.add(semester);
        List<Long> ids = jdbc.sql("select p.id from pupil p where " + user.jurisdiction().sql("p")
                        + " and p.status = 'ENROLLED' and not exists (select 1 from enrolment e where e.pupil_id = p.id and e.semester = ?) order by p.id")
                .params(args).query(Long.class).list();
        List<String> numbers = new ArrayList<>();
        for (long id : ids) {
            Pupil p = pupils.find(id).orElseThrow();
            if (p.compulsoryAge(on)) {
                numbers.add(report(id, Source.REGISTER, null, semester, user).caseNumber());
            }
        }
        return numbers;
    }

    // ------------------------------------------------------------------ cases and tasks

    /** The case if the user's jurisdiction covers it; a full view is audited. */
    @Transactional
    public Optional<DropoutCase> view(String caseNumber, BaoxueUser user) {
        Optional<DropoutCase> c = store.findVisible(caseNumber, user.jurisdiction());
        c.ifPresent(x -> audit.record(user, "DROPOUT_CASE_VIEWED", "dropout_case", caseNumber, null));
        return c;
    }

    public Optional<DropoutCase> find(String caseNumber) {
        return store.find(caseNumber);
    }

    public List<DropoutCase> ledger(DropoutCase.Status status, BaoxueUser user) {
        return store.ledger(status, user.jurisdiction(), 2000);
    }

    /** The open dropout tasks the user may work on: candidate groups of the user's roles at the user's unit. */
    public List<TaskView> tasksFor(BaoxueUser user) {
        List<String> groups = user.candidateGroups();
        if (groups.isEmpty()) {
            return List.of();
        }
        Date now = new Date();
        List<TaskView> views = new ArrayList<>();
        for (Task t : tasks.createTaskQuery().processDefinitionKey(PROCESS).taskCandidateGroupIn(groups).active()
                .orderByDueDate().asc().listPage(0, 500)) {
            String no = businessKey(t);
            store.find(no).ifPresent(c -> views.add(new TaskView(t.getId(), t.getName(), t.getTaskDefinitionKey(),
                    formOf(t), no, c.maskedPupilName(), c.schoolName(), t.getDueDate(),
                    t.getDueDate() != null && t.getDueDate().before(now))));
        }
        return views;
    }

    /** The task, if it is a dropout task and one of the user's candidate groups may work on it. */
    public Optional<Task> visibleTask(String taskId, BaoxueUser user) {
        List<String> groups = user.candidateGroups();
        if (groups.isEmpty() || taskId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(tasks.createTaskQuery().taskId(taskId).processDefinitionKey(PROCESS)
                .taskCandidateGroupIn(groups).singleResult());
    }

    /**
     * Completes a step with the values of its form: the same validation as the form (and the listener, which
     * writes the tables in the engine's transaction). 404 outside the user's groups, 409 when someone was first.
     */
    @Transactional
    public void complete(String taskId, Map<String, Object> values, BaoxueUser user) {
        Task task = visibleTask(taskId, user).orElseThrow(() -> goneOrMissing(taskId, user));
        String formId = formOf(task);
        Map<String, Object> submitted = rules.onlyFormFields(formId, values == null ? Map.of() : values);
        var errors = rules.validate(formId, submitted);
        if (!errors.isEmpty()) {
            throw new DropoutException(DropoutException.Kind.INVALID, "dropout.error.invalid", errors);
        }
        String caseNumber = businessKey(task);
        try {
            tasks.complete(taskId, submitted);
        } catch (NullValueException | NotFoundException | OptimisticLockingException gone) {
            throw DropoutException.conflict("dropout.error.task-gone");
        } catch (ProcessEngineException e) {
            throw unwrap(e);
        }
        audit.record(user, "DROPOUT_STEP_COMPLETED", "dropout_case", caseNumber, task.getTaskDefinitionKey());
    }

    /** Illness or disability, or another lawful end: the county takes over in the special-case track. */
    @Transactional
    public void reportSpecialCase(String caseNumber, SpecialKind kind, String note, BaoxueUser user) {
        DropoutCase c = officialCase(caseNumber, user);
        if (c.status() == DropoutCase.Status.SPECIAL) {
            throw DropoutException.conflict("dropout.error.state");
        }
        if (note == null || note.isBlank() || note.length() > 1000) {
            throw new DropoutException(DropoutException.Kind.INVALID, "dropout.error.invalid",
                    Map.of("note", new DropoutException.FieldError("dropout.validation.required", List.of("note"))));
        }
        store.setStatus(c.id(), DropoutCase.Status.SPECIAL);
        store.addStep(c.id(), "special_" + kind.name().toLowerCase(), user.getUsername(), kind.name(),
                LocalDate.now(FormRules.ZONE), null, null, note);
        runtime.createMessageCorrelation("DropoutSpecialCase").processInstanceBusinessKey(caseNumber)
                .setVariable("specialKind", kind.name()).correlateWithResult();
        audit.record(user, "DROPOUT_SPECIAL_CASE", "dropout_case", caseNumber, kind.name());
    }

    /**
     * The pupil moved: the case goes to the receiving county's units. The process keeps running where it is (no
     * step is repeated); its routing variables change, so later steps go to the new units, and the open tasks'
     * candidate groups are rewritten from the old units to the new ones.
     */
    @Transactional
    public void transfer(String caseNumber, String schoolCode, String villageCode, String note, BaoxueUser user) {
        DropoutCase c = officialCase(caseNumber, user);
        Unit school = directory.unit(schoolCode == null ? "" : schoolCode).filter(u -> u.kind() == UnitKind.SCHOOL)
                .orElseThrow(() -> invalid("schoolCode", "dropout.validation.unit"));
        Unit village = villageCode == null || villageCode.isBlank() ? null : directory.unit(villageCode)
                .filter(u -> u.kind() == UnitKind.VILLAGE && school.countyCode().equals(u.countyCode()))
                .orElseThrow(() -> invalid("villageCode", "dropout.validation.unit"));
        if (schoolCode.equals(c.schoolCode()) && (village == null || village.code().equals(c.villageCode()))) {
            throw invalid("schoolCode", "dropout.validation.same-unit");
        }
        String newVillage = village == null ? null : village.code();
        String newTownship = village != null ? village.townshipCode() : school.townshipCode();
        Map<String, String> moves = new LinkedHashMap<>();
        moves.put(c.schoolCode(), school.code());
        if (c.villageCode() != null && newVillage != null) {
            moves.put(c.villageCode(), newVillage);
        }
        if (c.townshipCode() != null && newTownship != null) {
            moves.put(c.townshipCode(), newTownship);
        }
        moves.put(c.countyCode(), school.countyCode());
        for (Task t : tasks.createTaskQuery().processInstanceId(c.processInstanceId()).list()) {
            for (IdentityLink link : tasks.getIdentityLinksForTask(t.getId())) {
                if (!IdentityLinkType.CANDIDATE.equals(link.getType()) || link.getGroupId() == null) {
                    continue;
                }
                String group = link.getGroupId();
                int colon = group.indexOf(':');
                String code = colon < 0 ? null : group.substring(colon + 1);
                String moved = code == null ? null : moves.get(code);
                if (moved != null && !moved.equals(code)) {
                    tasks.deleteCandidateGroup(t.getId(), group);
                    tasks.addCandidateGroup(t.getId(), group.substring(0, colon + 1) + moved);
                }
            }
        }
        Map<String, Object> vars = new HashMap<>();
        vars.put("schoolCode", school.code());
        vars.put("villageCode", newVillage);
        vars.put("townshipCode", newTownship);
        vars.put("countyCode", school.countyCode());
        runtime.setVariables(c.processInstanceId(), vars);
        store.setUnits(c.id(), school.countyCode(), newTownship, newVillage, school.code());
        store.addStep(c.id(), "transfer", user.getUsername(), "TRANSFERRED", LocalDate.now(FormRules.ZONE), null, null,
                c.schoolName() + " → " + school.name() + (note == null ? "" : "\n" + note));
        audit.record(user, "DROPOUT_CASE_TRANSFERRED", "dropout_case", caseNumber, c.schoolCode() + "->" + school.code());
        if (!school.countyCode().equals(c.countyCode())) {
            notifications.notifyGroup("county-edu:" + school.countyCode(), "TRANSFER",
                    messages.getMessage("dropout.transfer.notice", new Object[] {caseNumber, c.maskedPupilName(), school.name()},
                            java.util.Locale.SIMPLIFIED_CHINESE), c.link());
        }
    }

    /** A pupil in follow-up is absent again: the case reopens at the class teacher's home visit. */
    @Transactional
    public void absentAgain(String caseNumber, String note, BaoxueUser user) {
        DropoutCase c = store.findVisible(caseNumber, user.jurisdiction()).orElseThrow(DropoutException::notFound);
        if (c.status() != DropoutCase.Status.RETURNED) {
            throw DropoutException.conflict("dropout.error.state");
        }
        store.addReport(c.id(), Source.TEACHER.name(), user.getUsername(), null, note);
        correlateAbsentAgain(c);
        audit.record(user, "DROPOUT_CASE_REOPENED", "dropout_case", caseNumber, null);
    }

    /** 409 for a task of a visible case that someone has completed meanwhile; 404 for anything else. */
    private DropoutException goneOrMissing(String taskId, BaoxueUser user) {
        var done = taskId == null ? null : history.createHistoricTaskInstanceQuery().taskId(taskId)
                .processDefinitionKey(PROCESS).finished().singleResult();
        if (done != null) {
            var instance = history.createHistoricProcessInstanceQuery().processInstanceId(done.getProcessInstanceId()).singleResult();
            if (instance != null && store.findVisible(instance.getBusinessKey(), user.jurisdiction()).isPresent()) {
                return DropoutException.conflict("dropout.error.task-gone");
            }
        }
        return DropoutException.notFound();
    }

    private void correlateAbsentAgain(DropoutCase c) {
        try {
            runtime.createMessageCorrelation("DropoutAbsentAgain").processInstanceBusinessKey(c.caseNumber()).correlateWithResult();
        } catch (org.camunda.bpm.engine.MismatchingMessageCorrelationException notInFollowUp) {
            throw DropoutException.conflict("dropout.error.state");
        }
    }

    private DropoutCase officialCase(String caseNumber, BaoxueUser user) {
        DropoutCase c = store.findVisible(caseNumber, user.jurisdiction()).orElseThrow(DropoutException::notFound);
        if (user.roles().stream().noneMatch(CASE_OFFICIALS::contains)) {
            throw new DropoutException(DropoutException.Kind.FORBIDDEN, "dropout.error.forbidden");
        }
        if (!c.open()) {
            throw DropoutException.conflict("dropout.error.state");
        }
        return c;
    }

    private String formOf(Task t) {
        UserTask element = repository.getBpmnModelInstance(t.getProcessDefinitionId()).getModelElementById(t.getTaskDefinitionKey());
        return element.getCamundaFormRef();
    }

    private String businessKey(Task t) {
        return runtime.createProcessInstanceQuery().processInstanceId(t.getProcessInstanceId()).singleResult().getBusinessKey();
    }

    private static DropoutException invalid(String field, String key) {
        return new DropoutException(DropoutException.Kind.INVALID, "dropout.error.invalid",
                Map.of(field, new DropoutException.FieldError(key, List.of(field))));
    }

    /** A listener's refusal arrives wrapped by the engine: hand on our own exception, never the engine's text. */
    static RuntimeException unwrap(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DropoutException d) {
                return d;
            }
            if (t instanceof OptimisticLockingException) {
                return DropoutException.conflict("dropout.error.task-gone");
            }
        }
        return e;
    }
}
