package org.baoxue.aid;

import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.baoxue.org.AuditLog;
import org.baoxue.org.BaoxueUser;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The aid JSON API. Same rules as the forms and pages: {@link AidService} and the task listeners validate; errors
 * are RFC 7807 problem details in the user's language.
 */
@RestController
@RequestMapping("/api/aid")
class AidApiController {

    private final AidService aid;
    private final Duplicates duplicates;
    private final TaskService tasks;
    private final MessageSource messages;
    private final AuditLog audit;
    private final HistoryService history;

    AidApiController(AidService aid, Duplicates duplicates, TaskService tasks, MessageSource messages, AuditLog audit,
                     HistoryService history) {
        this.history = history;
        this.aid = aid;
        this.duplicates = duplicates;
        this.tasks = tasks;
        this.messages = messages;
        this.audit = audit;
    }

    record RoundRequest(String programme, String semester, String callText) {
    }

    record ApplicationRequest(Long pupilId, List<String> categories, String evidence, String cardAccount) {
    }

    record ObjectionRequest(String application, String raisedBy, String content) {
    }

    record BatchRequest(List<String> rounds) {
    }

    record PaidRequest(LocalDate paidOn) {
    }

    record RecheckRequest(String semester) {
    }

    @GetMapping("/rounds")
    List<Map<String, Object>> rounds(@AuthenticationPrincipal BaoxueUser me) {
        return aid.rounds(me).stream().map(AidApiController::summary).toList();
    }

    @PostMapping("/rounds")
    ResponseEntity<Map<String, Object>> open(@AuthenticationPrincipal BaoxueUser me, @RequestBody RoundRequest body) {
        AidRound round = aid.openRound(me, body.programme(), body.semester(), body.callText());
        return ResponseEntity.created(URI.create("/api/aid/rounds/" + round.caseNumber())).body(summary(round));
    }

    @GetMapping("/rounds/{caseNumber}")
    Map<String, Object> round(@AuthenticationPrincipal BaoxueUser me, @PathVariable String caseNumber) {
        AidRound round = visible(me, caseNumber);
        Map<String, Object> out = summary(round);
        QuotaUse q = aid.quota(round);
        out.put("quota", Map.of("applies", q.applies(), "identified", q.identified(), "boarders", q.boarders(),
                "share", q.share(), "limit", q.limit(), "over", q.over()));
        Map<Long, Set<String>> dup = duplicates.ofRound(round.id());
        out.put("applications", aid.applications(round).stream().map(a -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("caseNumber", a.caseNumber());
            m.put("name", a.maskedName());
            m.put("idNumber", a.maskedIdNumber());
            m.put("className", a.className());
            m.put("boarding", a.boarding());
            m.put("status", a.status());
            m.put("suggestedTier", a.suggestedTier());
            m.put("tier", a.tier());
            m.put("yearlyAmount", a.yearlyAmount());
            m.put("semesterAmount", a.semesterAmount());
            m.put("duplicates", dup.getOrDefault(a.id(), Set.of()));
            m.put("reviewFlag", a.reviewFlag());
            return m;
        }).toList());
        return out;
    }

    /** The public notice: name, class and tier only; no ID numbers, no hardship categories. */
    @GetMapping("/rounds/{caseNumber}/public")
    Map<String, Object> publicList(@AuthenticationPrincipal BaoxueUser me, @PathVariable String caseNumber) {
        AidRound round = visible(me, caseNumber);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("caseNumber", round.caseNumber());
        out.put("school", round.schoolName());
        out.put("noticeStartedOn", round.noticeStartedOn());
        out.put("noticeEndsOn", round.noticeEndsOn());
        out.put("entries", PublicList.of(round, aid.applications(round)).stream()
                .map(e -> Map.of("name", e.name(), "className", e.className(), "tier", e.tier())).toList());
        return out;
    }

    @PostMapping("/rounds/{caseNumber}/applications")
    ResponseEntity<Map<String, Object>> apply(@AuthenticationPrincipal BaoxueUser me, @PathVariable String caseNumber,
                                              @RequestBody ApplicationRequest body) {
        if (body.pupilId() == null) {
            throw new AidRefusal("aid.refusal.pupil");
        }
        AidApplication a = aid.apply(me, caseNumber, body.pupilId(), body.categories(), body.evidence(), body.cardAccount());
        return ResponseEntity.created(URI.create("/api/aid/rounds/" + caseNumber))
                .body(Map.of("caseNumber", a.caseNumber(), "status", a.status()));
    }

    @PostMapping("/rounds/{caseNumber}/objections")
    ResponseEntity<Map<String, Object>> object(@AuthenticationPrincipal BaoxueUser me, @PathVariable String caseNumber,
                                               @RequestBody ObjectionRequest body) {
        long id = aid.recordObjection(me, caseNumber, body.application(), body.raisedBy(), body.content());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("objectionId", id));
    }

    /** Completes one of the user's aid tasks with the form's values (validated by the task's listeners). */
    @PostMapping("/tasks/{taskId}/complete")
    @Transactional
    ResponseEntity<Void> complete(@AuthenticationPrincipal BaoxueUser me, @PathVariable String taskId,
                                  @RequestBody Map<String, Object> values) {
        Task task = tasks.createTaskQuery().taskId(taskId).taskCandidateGroupIn(me.candidateGroups()).singleResult();
        if (task == null) {
            var done = history.createHistoricTaskInstanceQuery().taskId(taskId).finished().singleResult();
            boolean wasMine = done != null && done.getProcessDefinitionKey() != null && done.getProcessDefinitionKey().startsWith("aid-")
                    && history.createHistoricIdentityLinkLogQuery().taskId(taskId).list().stream()
                            .anyMatch(l -> l.getGroupId() != null && me.candidateGroups().contains(l.getGroupId()));
            throw wasMine ? new AidRefusal(409, "aid.refusal.taskGone") : new AidRefusal(404, "aid.refusal.noTask");
        }
        if (!task.getProcessDefinitionId().startsWith("aid-")) {
            throw new AidRefusal(404, "aid.refusal.noTask");
        }
        tasks.complete(taskId, values);
        audit.record(me, "aid.task.complete", "task", taskId, task.getTaskDefinitionKey());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/batches")
    List<PaymentBatch> batches(@AuthenticationPrincipal BaoxueUser me) {
        return aid.batches(me);
    }

    @PostMapping("/batches")
    ResponseEntity<PaymentBatch> createBatch(@AuthenticationPrincipal BaoxueUser me, @RequestBody BatchRequest body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(aid.createBatch(me, body.rounds()));
    }

    @GetMapping("/batches/{number}/export")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal BaoxueUser me, @PathVariable String number) {
        byte[] xlsx = aid.exportBatch(me, number);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + number + ".xlsx\"")
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(xlsx);
    }

    @PostMapping("/batches/{number}/paid")
    PaymentBatch paid(@AuthenticationPrincipal BaoxueUser me, @PathVariable String number,
                        @RequestBody(required = false) PaidRequest body) {
        return aid.markPaid(me, number, body == null ? null : body.paidOn());
    }

    @PostMapping("/recheck")
    Map<String, Object> recheck(@AuthenticationPrincipal BaoxueUser me, @RequestBody RecheckRequest body) {
        return Map.of("flagged", aid.recheck(me, body.semester()));
    }

    private AidRound visible(BaoxueUser me, String caseNumber) {
        return aid.round(caseNumber, me).orElseThrow(() -> new AidRefusal(404, "aid.refusal.noRound"));
    }

    static Map<String, Object> summary(AidRound r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("caseNumber", r.caseNumber());
        m.put("programme", r.programme().name());
        m.put("semester", r.semester());
        m.put("schoolCode", r.schoolCode());
        m.put("school", r.schoolName());
        m.put("status", r.status());
        m.put("noticeStartedOn", r.noticeStartedOn());
        m.put("noticeEndsOn", r.noticeEndsOn());
        return m;
    }

    @ExceptionHandler(ProcessEngineException.class)
    ProblemDetail engine(ProcessEngineException e, Locale locale) {
        AidRefusal refusal = AidRefusal.in(e);
        if (refusal != null) {
            return refused(refusal, locale);
        }
        if (e instanceof NullValueException || e instanceof NotFoundException || e instanceof OptimisticLockingException) {
            return problem(HttpStatus.CONFLICT, messages.getMessage("aid.refusal.taskGone", null, locale));
        }
        throw e;
    }

    @ExceptionHandler(AidRefusal.class)
    ProblemDetail refused(AidRefusal e, Locale locale) {
        return problem(HttpStatus.valueOf(e.status()), messages.getMessage(e.messageKey(), e.args(), locale));
    }

    @ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
    ProblemDetail unreadable(Exception e, Locale locale) {
        return problem(HttpStatus.BAD_REQUEST, messages.getMessage("aid.refusal.unreadable", null, locale));
    }

    private static ProblemDetail problem(HttpStatus status, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(status.getReasonPhrase());
        return p;
    }
}
