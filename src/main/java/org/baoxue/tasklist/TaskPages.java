package org.baoxue.tasklist;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.baoxue.org.AuditLog;
import org.baoxue.org.BaoxueUser;
import org.baoxue.org.MenuEntry;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The officials' pages: the inbox ({@code /tasks}), a task ({@code /tasks/{id}}), a case file ({@code /cases/{key}}). */
@Controller
class TaskPages {

    private final InboxQueries inbox;
    private final TaskWork work;
    private final CaseFile cases;
    private final Attachments attachments;
    private final MessageSource messages;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final List<MenuEntry> menu;

    TaskPages(InboxQueries inbox, TaskWork work, CaseFile cases, Attachments attachments, MessageSource messages,
              AuditLog audit, JdbcClient jdbc, List<MenuEntry> menu) {
        this.menu = menu;
        this.inbox = inbox;
        this.work = work;
        this.cases = cases;
        this.attachments = attachments;
        this.messages = messages;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    // ---------------------------------------------------------------- inbox

    @GetMapping("/tasks")
    String inbox(@AuthenticationPrincipal BaoxueUser me, @RequestParam(required = false) String view,
                 @RequestParam(required = false) String q, @RequestParam(required = false) String process,
                 @RequestParam(required = false) String step, @RequestParam(required = false) String unit,
                 @RequestParam(required = false) String sort, @RequestParam(required = false) Integer page,
                 HttpServletRequest request, Model model) {
        InboxQueries.Filter filter = InboxQueries.Filter.of(view, q, process, step, unit, sort, page);
        model.addAttribute("filter", filter);
        // row links are plain strings, not @{...}: a link expression passes each URL through the resource URL
        // encoding filter, which looks every distinct path up on the classpath (a few ms per task id)
        model.addAttribute("ctx", request.getContextPath());
        InboxQueries.Page result = inbox.page(me, filter);
        Map<String, String> names = new java.util.HashMap<>();
        result.rows().stream().map(InboxQueries.Row::assignee).filter(java.util.Objects::nonNull).distinct()
                .forEach(u -> names.put(u, work.displayName(u)));
        model.addAttribute("result", result);
        model.addAttribute("names", names);
        model.addAttribute("counts", inbox.counts(me));
        List<InboxQueries.Step> steps = inbox.stepsOf(me);
        Map<String, String> processes = new LinkedHashMap<>();
        steps.forEach(st -> processes.putIfAbsent(st.processKey(), st.processName()));
        model.addAttribute("steps", steps);
        model.addAttribute("processes", processes);
        model.addAttribute("sorts", InboxQueries.Sort.values());
        model.addAttribute("supervisor", InboxQueries.supervises(me));
        model.addAttribute("savedFilters", savedFilters(me));
        model.addAttribute("query", query(filter, null));
        model.addAttribute("prevQuery", query(filter, Math.max(0, filter.page() - 1)));
        model.addAttribute("nextQuery", query(filter, filter.page() + 1));
        model.addAttribute("today", LocalDate.now());
        if ("true".equals(request.getHeader("HX-Request"))) {
            return "tasklist/inbox :: results";
        }
        return "tasklist/inbox";
    }

    /** The counts badge row, refreshed by htmx without reloading the page. */
    @GetMapping("/tasks/counts")
    String counts(@AuthenticationPrincipal BaoxueUser me, Model model) {
        model.addAttribute("counts", inbox.counts(me));
        model.addAttribute("supervisor", InboxQueries.supervises(me));
        model.addAttribute("filter", InboxQueries.Filter.of(null, null, null, null, null, null, 0));
        return "tasklist/inbox :: counts";
    }

    /** A link to the inbox with this filter, optionally on another page. */
    static String query(InboxQueries.Filter f, Integer page) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("view", f.view().name().toLowerCase(Locale.ROOT));
        p.put("q", f.q());
        p.put("process", f.process());
        p.put("step", f.step());
        p.put("unit", f.unit());
        p.put("sort", f.sort().name().toLowerCase(Locale.ROOT));
        if (page != null && page > 0) {
            p.put("page", page.toString());
        }
        StringBuilder s = new StringBuilder();
        p.forEach((k, v) -> {
            if (v != null) {
                s.append(s.isEmpty() ? "" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return s.toString();
    }

    @PostMapping("/tasks/claim")
    String claimMany(@AuthenticationPrincipal BaoxueUser me, @RequestParam(name = "ids", required = false) List<String> ids,
                     @RequestParam(required = false) String back, RedirectAttributes redirect) {
        int claimed = 0;
        List<String> failed = new ArrayList<>();
        for (String id : ids == null ? List.<String>of() : ids.stream().distinct().limit(100).toList()) {
            try {
                work.claim(me, id);
                claimed++;
            } catch (TaskWork.Conflict | ResponseStatusException e) {
                failed.add(id);
            }
        }
        redirect.addFlashAttribute("flash", message("tasklist.claimed.many", claimed));
        if (!failed.isEmpty()) {
            redirect.addFlashAttribute("flashWarning", message("tasklist.claimed.failed", failed.size()));
        }
        return "redirect:/tasks" + safeBack(back);
    }

    private static String safeBack(String back) {
        return back != null && back.matches("[A-Za-z0-9_=&%.\\-+]*") && !back.isEmpty() ? "?" + back : "";
    }

    @PostMapping("/tasks/filters")
    String saveFilter(@AuthenticationPrincipal BaoxueUser me, @RequestParam String name, @RequestParam(required = false) String view,
                      @RequestParam(required = false) String q, @RequestParam(required = false) String process,
                      @RequestParam(required = false) String step, @RequestParam(required = false) String unit,
                      @RequestParam(required = false) String sort, RedirectAttributes redirect) {
        InboxQueries.Filter filter = InboxQueries.Filter.of(view, q, process, step, unit, sort, 0);
        String clean = name.strip();
        if (clean.isEmpty() || clean.length() > 100) {
            redirect.addFlashAttribute("flashWarning", message("tasklist.filter.badName"));
        } else {
            jdbc.sql("insert into inbox_saved_filter (username, name, query) values (?,?,?)")
                    .params(me.getUsername(), clean, query(filter, null)).update();
            redirect.addFlashAttribute("flash", message("tasklist.filter.saved", clean));
        }
        return "redirect:/tasks?" + query(filter, null);
    }

    @PostMapping("/tasks/filters/{id}/delete")
    String deleteFilter(@AuthenticationPrincipal BaoxueUser me, @PathVariable long id) {
        jdbc.sql("delete from inbox_saved_filter where id = ? and username = ?").params(id, me.getUsername()).update();
        return "redirect:/tasks";
    }

    record SavedFilter(long id, String name, String query) {
    }

    private List<SavedFilter> savedFilters(BaoxueUser me) {
        return jdbc.sql("select id, name, query from inbox_saved_filter where username = ? order by name")
                .param(me.getUsername())
                .query((rs, n) -> new SavedFilter(rs.getLong("id"), rs.getString("name"), rs.getString("query"))).list();
    }

    // ---------------------------------------------------------------- task page

    @GetMapping("/tasks/{id}")
    String task(@AuthenticationPrincipal BaoxueUser me, @PathVariable String id, Model model) {
        InboxQueries.Row row = work.readable(me, id);
        boolean canAct = inbox.canAct(me, row);
        TaskWork.TaskForm form = work.form(id);
        if (form.schema() != null) {
            model.addAttribute("form", FormView.initial(form.schema(), form.variables(), !canAct));
        }
        return taskPage(me, row, canAct, model);
    }

    private String taskPage(BaoxueUser me, InboxQueries.Row row, boolean canAct, Model model) {
        Optional<CaseHeader> header = row.businessKey() == null ? Optional.empty() : cases.header(row.businessKey());
        model.addAttribute("task", row);
        model.addAttribute("canAct", canAct);
        model.addAttribute("header", header.orElse(null));
        model.addAttribute("caseAgeDays", header.map(CaseHeader::openedOn)
                .map(d -> ChronoUnit.DAYS.between(d, LocalDate.now())).orElse(null));
        model.addAttribute("timeline", row.businessKey() == null ? List.of() : cases.timeline(row.businessKey()));
        model.addAttribute("comments", row.businessKey() == null ? List.of() : cases.comments(row.businessKey()));
        model.addAttribute("attachments", row.businessKey() == null ? List.of() : cases.attachments(row.businessKey()));
        model.addAttribute("assigneeName", work.displayName(row.assignee()));
        model.addAttribute("colleagues", canAct ? work.colleagues(me, row) : List.of());
        model.addAttribute("maxUploadMb", Attachments.MAX_BYTES / (1024 * 1024));
        if (header.isPresent() && header.get().pupilName() != null) {
            audit.record(me, "case.view", "case", row.businessKey(), "task " + row.taskId());
        }
        return "tasklist/task";
    }

    @PostMapping("/tasks/{id}/complete")
    String complete(@AuthenticationPrincipal BaoxueUser me, @PathVariable String id, HttpServletRequest request,
                    HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Map<String, Object> submitted = new LinkedHashMap<>();
        request.getParameterMap().forEach((k, v) -> {
            if (!k.startsWith("_")) {
                submitted.put(k, List.of(v));
            }
        });
        InboxQueries.Row row = work.actionable(me, id);
        FormValidator.Submission submission = work.complete(me, id, submitted);
        if (!submission.valid()) {
            TaskWork.TaskForm form = work.form(id);
            model.addAttribute("form", FormView.afterErrors(form.schema(), submission, form.variables(), messages,
                    LocaleContextHolder.getLocale()));
            model.addAttribute("formError", true);
            FormValidator.FieldError refusal = submission.errors().get(TaskWork.FORM_LEVEL);
            if (refusal != null) {
                model.addAttribute("formRefusal", messages.getMessage(refusal.messageKey(), refusal.args(), LocaleContextHolder.getLocale()));
            }
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return taskPage(me, row, true, model);
        }
        redirect.addFlashAttribute("flash", message("tasklist.completed", row.stepName(),
                row.businessKey() == null ? "" : row.businessKey()));
        return "redirect:/tasks";
    }

    @PostMapping("/tasks/{id}/claim")
    String claim(@AuthenticationPrincipal BaoxueUser me, @PathVariable String id, RedirectAttributes redirect) {
        work.claim(me, id);
        redirect.addFlashAttribute("flash", message("tasklist.claimed"));
        return "redirect:/tasks/" + id;
    }

    @PostMapping("/tasks/{id}/unclaim")
    String unclaim(@AuthenticationPrincipal BaoxueUser me, @PathVariable String id, RedirectAttributes redirect) {
        work.unclaim(me, id);
        redirect.addFlashAttribute("flash", message("tasklist.unclaimed"));
        return "redirect:/tasks/" + id;
    }

    @PostMapping("/tasks/{id}/handover")
    String handOver(@AuthenticationPrincipal BaoxueUser me, @PathVariable String id, @RequestParam String to,
                    RedirectAttributes redirect) {
        work.handOver(me, id, to);
        redirect.addFlashAttribute("flash", message("tasklist.handedOver", work.displayName(to)));
        return "redirect:/tasks";
    }

    @PostMapping("/tasks/{id}/comments")
    String comment(@AuthenticationPrincipal BaoxueUser me, @PathVariable String id, @RequestParam String text,
                   RedirectAttributes redirect) {
        String clean = text.strip();
        if (clean.isEmpty() || clean.length() > 2000) {
            redirect.addFlashAttribute("flashWarning", message("tasklist.comment.bad"));
        } else {
            work.comment(me, id, clean);
            redirect.addFlashAttribute("flash", message("tasklist.comment.added"));
        }
        return "redirect:/tasks/" + id + "#comments";
    }

    @PostMapping("/tasks/{id}/attachments")
    String upload(@AuthenticationPrincipal BaoxueUser me, @PathVariable String id,
                  @RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
        InboxQueries.Row row = work.actionable(me, id);
        try {
            if (file == null || file.isEmpty()) {
                throw new Attachments.Refused("tasklist.attachment.empty");
            }
            if (file.getSize() > Attachments.MAX_BYTES) {
                throw new Attachments.Refused("tasklist.attachment.tooLarge");
            }
            attachments.store(me, row, file.getOriginalFilename(), file.getBytes());
            redirect.addFlashAttribute("flash", message("tasklist.attachment.added"));
        } catch (Attachments.Refused e) {
            redirect.addFlashAttribute("flashWarning", message(e.messageKey, Attachments.MAX_BYTES / (1024 * 1024)));
        }
        return "redirect:/tasks/" + id + "#attachments";
    }

    @GetMapping("/attachments/{id}")
    ResponseEntity<byte[]> download(@AuthenticationPrincipal BaoxueUser me, @PathVariable long id) {
        Attachments.Stored a = attachments.load(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (a.businessKey() == null || !cases.visible(me, a.businessKey(), cases.header(a.businessKey()))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        audit.record(me, "attachment.view", "case", a.businessKey(), a.fileName());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(a.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(a.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(a.content());
    }

    // ---------------------------------------------------------------- case page

    @GetMapping("/cases/{businessKey}")
    String caseFile(@AuthenticationPrincipal BaoxueUser me, @PathVariable String businessKey, Model model) {
        Optional<CaseHeader> header = cases.header(businessKey);
        if (header.isEmpty() || !cases.visible(me, businessKey, header)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("header", header.get());
        model.addAttribute("caseAgeDays", header.get().openedOn() == null ? null
                : ChronoUnit.DAYS.between(header.get().openedOn(), LocalDate.now()));
        model.addAttribute("timeline", cases.timeline(businessKey));
        model.addAttribute("comments", cases.comments(businessKey));
        model.addAttribute("attachments", cases.attachments(businessKey));
        List<Map<String, Object>> open = new ArrayList<>();
        for (InboxQueries.Row r : inbox.openTasksOfCase(businessKey)) {
            open.add(Map.of("row", r, "link", inbox.canRead(me, r)));
        }
        model.addAttribute("openTasks", open);
        audit.record(me, "case.view", "case", businessKey, "case page");
        return "tasklist/case";
    }

    // ---------------------------------------------------------------- errors

    @ExceptionHandler(TaskWork.Conflict.class)
    ModelAndView conflict(TaskWork.Conflict e, @AuthenticationPrincipal BaoxueUser me) {
        return plainMessage(me, HttpStatus.CONFLICT, messages.getMessage(e.messageKey, e.args, LocaleContextHolder.getLocale()));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(@AuthenticationPrincipal BaoxueUser me) {
        return plainMessage(me, HttpStatus.PAYLOAD_TOO_LARGE, message("tasklist.attachment.tooLarge", Attachments.MAX_BYTES / (1024 * 1024)));
    }

    /** A page with one clear sentence (exception handlers get no model from the layout's advice: add what it needs). */
    private ModelAndView plainMessage(BaoxueUser me, HttpStatus status, String text) {
        ModelAndView mav = new ModelAndView("tasklist/conflict");
        mav.setStatus(status);
        mav.addObject("message", text);
        mav.addObject("me", me);
        mav.addObject("menu", me == null ? List.of() : menu.stream().filter(m -> m.visibleTo(me))
                .sorted(java.util.Comparator.comparingInt(MenuEntry::order)).toList());
        return mav;
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
