package org.baoxue.tasklist;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.baoxue.org.BaoxueUser;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The task list as JSON, with the same scoping and validation as the pages: problem details (RFC 7807) in the
 * user's language, 422 with the field errors for a refused form, 409 when someone else completed or claimed the
 * task first, 404 for a task the user may not see.
 */
@RestController
@RequestMapping("/api/tasks")
class TaskApi {

    private final InboxQueries inbox;
    private final TaskWork work;
    private final MessageSource messages;

    TaskApi(InboxQueries inbox, TaskWork work, MessageSource messages) {
        this.inbox = inbox;
        this.work = work;
        this.messages = messages;
    }

    @GetMapping
    Map<String, Object> list(@AuthenticationPrincipal BaoxueUser me, @RequestParam(required = false) String view,
                             @RequestParam(required = false) String q, @RequestParam(required = false) String process,
                             @RequestParam(required = false) String step, @RequestParam(required = false) String unit,
                             @RequestParam(required = false) String sort, @RequestParam(required = false) Integer page) {
        InboxQueries.Page result = inbox.page(me, InboxQueries.Filter.of(view, q, process, step, unit, sort, page));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("page", result.page());
        out.put("hasNext", result.hasNext());
        out.put("tasks", result.rows().stream().map(TaskApi::json).toList());
        return out;
    }

    @GetMapping("/counts")
    InboxQueries.Counts counts(@AuthenticationPrincipal BaoxueUser me) {
        return inbox.counts(me);
    }

    @GetMapping("/{id}")
    Map<String, Object> one(@AuthenticationPrincipal BaoxueUser me, @PathVariable String id) {
        InboxQueries.Row row = work.readable(me, id);
        Map<String, Object> out = json(row);
        out.put("canAct", inbox.canAct(me, row));
        out.put("candidateGroups", inbox.groups(id));
        return out;
    }

    @PostMapping("/{id}/claim")
    ResponseEntity<Void> claim(@AuthenticationPrincipal BaoxueUser me, @PathVariable String id) {
        work.claim(me, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/unclaim")
    ResponseEntity<Void> unclaim(@AuthenticationPrincipal BaoxueUser me, @PathVariable String id) {
        work.unclaim(me, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/complete")
    ResponseEntity<?> complete(@AuthenticationPrincipal BaoxueUser me, @PathVariable String id,
                               @RequestBody(required = false) Map<String, Object> body) {
        FormValidator.Submission s = work.complete(me, id, body == null ? Map.of() : body);
        if (s.valid()) {
            return ResponseEntity.noContent().build();
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
                message("tasklist.form.invalid"));
        problem.setType(URI.create("urn:baoxue:tasklist:invalid-form"));
        Map<String, String> errors = new LinkedHashMap<>();
        s.errors().forEach((k, e) -> errors.put(k, messages.getMessage(e.messageKey(), e.args(), LocaleContextHolder.getLocale())));
        problem.setProperty("errors", errors);
        return ResponseEntity.unprocessableEntity().body(problem);
    }

    @ExceptionHandler(TaskWork.Conflict.class)
    ResponseEntity<ProblemDetail> conflict(TaskWork.Conflict e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                messages.getMessage(e.messageKey, e.args, LocaleContextHolder.getLocale()));
        problem.setType(URI.create("urn:baoxue:tasklist:conflict"));
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    static Map<String, Object> json(InboxQueries.Row r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.taskId());
        m.put("caseNumber", r.businessKey());
        m.put("pupil", r.pupilMasked());
        m.put("schoolCode", r.schoolCode());
        m.put("school", r.schoolName());
        m.put("process", r.processKey());
        m.put("processName", r.processName());
        m.put("step", r.stepKey());
        m.put("stepName", r.stepName());
        m.put("line", r.line());
        m.put("assignee", r.assignee());
        m.put("created", r.created());
        m.put("due", r.due());
        m.put("overdue", r.overdue());
        return m;
    }

}
