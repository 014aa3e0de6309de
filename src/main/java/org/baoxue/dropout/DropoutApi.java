package org.baoxue.dropout;

import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.baoxue.org.BaoxueUser;
import org.baoxue.tasklist.TimelineEntry;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The dropout JSON API. The same services as the forms (and so the same validation); refusals are RFC 7807
 * problem details in the user's language: 400 with field errors, 403, 404 (also outside the jurisdiction), 409.
 */
@RestController
@RequestMapping("/api/dropout")
class DropoutApi {

    private final DropoutCases cases;
    private final OrderLetters letters;
    private final DropoutCaseContributor contributor;
    private final MessageSource messages;

    DropoutApi(DropoutCases cases, OrderLetters letters, DropoutCaseContributor contributor, MessageSource messages) {
        this.cases = cases;
        this.letters = letters;
        this.contributor = contributor;
        this.messages = messages;
    }

    record ReportRequest(Long pupilId, DropoutCases.Source source, Integer absentDays, String note) {
    }

    record SpecialRequest(DropoutCases.SpecialKind kind, String note) {
    }

    record TransferRequest(String schoolCode, String villageCode, String note) {
    }

    record NoteRequest(String note) {
    }

    record RegisterCheckRequest(String semester) {
    }

    record CaseSummary(String caseNumber, String pupil, String schoolName, String status, String stage,
                       LocalDate openedOn, boolean overdue) {
        static CaseSummary of(DropoutCase c) {
            return new CaseSummary(c.caseNumber(), c.maskedPupilName(), c.schoolName(), c.status().name(), c.stage(),
                    c.openedOn(), c.overdue());
        }
    }

    record CaseDetail(DropoutCase dropoutCase, List<OrderLetters.LetterInfo> letters, List<TimelineEntry> timeline) {
    }

    @PostMapping("/cases")
    ResponseEntity<DropoutCases.ReportResult> report(@RequestBody ReportRequest body, @AuthenticationPrincipal BaoxueUser me) {
        if (body == null || body.pupilId() == null) {
            throw new DropoutException(DropoutException.Kind.INVALID, "dropout.error.invalid",
                    Map.of("pupilId", new DropoutException.FieldError("dropout.validation.required", List.of("pupilId"))));
        }
        DropoutCases.Source source = body.source() == null ? DropoutCases.Source.TEACHER : body.source();
        DropoutCases.ReportResult r = cases.report(body.pupilId(), source, body.absentDays(), body.note(), me);
        return r.joined() ? ResponseEntity.ok(r) : ResponseEntity.created(URI.create("/api/dropout/cases/" + r.caseNumber())).body(r);
    }

    @GetMapping("/cases")
    List<CaseSummary> ledger(@RequestParam(defaultValue = "SUSPECTED") DropoutCase.Status status, @AuthenticationPrincipal BaoxueUser me) {
        return cases.ledger(status, me).stream().map(CaseSummary::of).toList();
    }

    @GetMapping("/cases/{caseNumber}")
    CaseDetail view(@PathVariable String caseNumber, @AuthenticationPrincipal BaoxueUser me) {
        DropoutCase c = cases.view(caseNumber, me).orElseThrow(DropoutException::notFound);
        return new CaseDetail(c, letters.letters(c), contributor.timeline(c.caseNumber()));
    }

    @GetMapping(value = "/cases/{caseNumber}/letters/{letterId}.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> letter(@PathVariable String caseNumber, @PathVariable long letterId, @AuthenticationPrincipal BaoxueUser me) {
        byte[] pdf = letters.pdf(caseNumber, letterId, me).orElseThrow(DropoutException::notFound);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"" + caseNumber + "-" + letterId + ".pdf\"").body(pdf);
    }

    @PostMapping("/cases/{caseNumber}/special")
    ResponseEntity<Void> special(@PathVariable String caseNumber, @RequestBody SpecialRequest body, @AuthenticationPrincipal BaoxueUser me) {
        if (body == null || body.kind() == null) {
            throw new DropoutException(DropoutException.Kind.INVALID, "dropout.error.invalid",
                    Map.of("kind", new DropoutException.FieldError("dropout.validation.required", List.of("kind"))));
        }
        cases.reportSpecialCase(caseNumber, body.kind(), body.note(), me);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/cases/{caseNumber}/transfer")
    ResponseEntity<Void> transfer(@PathVariable String caseNumber, @RequestBody TransferRequest body, @AuthenticationPrincipal BaoxueUser me) {
        cases.transfer(caseNumber, body.schoolCode(), body.villageCode(), body.note(), me);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/cases/{caseNumber}/absent-again")
    ResponseEntity<Void> absentAgain(@PathVariable String caseNumber, @RequestBody(required = false) NoteRequest body,
                                     @AuthenticationPrincipal BaoxueUser me) {
        cases.absentAgain(caseNumber, body == null ? null : body.note(), me);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/tasks")
    List<DropoutCases.TaskView> tasks(@AuthenticationPrincipal BaoxueUser me) {
        return cases.tasksFor(me);
    }

    @PostMapping("/tasks/{taskId}/complete")
    ResponseEntity<Void> complete(@PathVariable String taskId, @RequestBody(required = false) Map<String, Object> values,
                                  @AuthenticationPrincipal BaoxueUser me) {
        cases.complete(taskId, values, me);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/absences")
    List<DropoutCases.AbsenceResult> absences(@RequestBody List<DropoutCases.AbsenceRow> rows, @AuthenticationPrincipal BaoxueUser me) {
        if (rows == null || rows.isEmpty() || rows.size() > 5000 || rows.stream().anyMatch(r -> r == null || r.studentNumber() == null || r.absentDays() < 0)) {
            throw new DropoutException(DropoutException.Kind.INVALID, "dropout.error.invalid");
        }
        return cases.reportAbsences(rows, me);
    }

    @PostMapping("/register-check")
    List<String> registerCheck(@RequestBody RegisterCheckRequest body, @AuthenticationPrincipal BaoxueUser me) {
        return cases.registerCheck(body == null ? null : body.semester(), LocalDate.now(FormRules.ZONE), me);
    }

    @ExceptionHandler(DropoutException.class)
    ResponseEntity<ProblemDetail> refused(DropoutException e, Locale locale) {
        HttpStatus status = switch (e.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case INVALID -> HttpStatus.BAD_REQUEST;
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                messages.getMessage(e.messageKey(), e.args().toArray(), e.messageKey(), locale));
        if (!e.fieldErrors().isEmpty()) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.fieldErrors().forEach((field, err) -> errors.put(field,
                    messages.getMessage(err.messageKey(), err.args().toArray(), err.messageKey(), locale)));
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<ProblemDetail> unreadable(Exception e, Locale locale) {
        return refused(new DropoutException(DropoutException.Kind.INVALID, "dropout.error.invalid"), locale);
    }
}
