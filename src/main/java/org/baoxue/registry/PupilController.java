package org.baoxue.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.baoxue.org.AuditLog;
import org.baoxue.org.BaoxueUser;
import org.baoxue.org.MenuEntry;
import org.baoxue.org.OrgDirectory;
import org.baoxue.org.Role;
import org.baoxue.org.Unit;
import org.baoxue.org.UnitKind;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The registry's pages: search ({@code /pupils}, masked), a pupil's record ({@code /pupils/{id}}, audited, 404
 * outside the jurisdiction), the import (upload → background check → preview → confirm → background import, with
 * htmx polling) and the export. Who sees what in full: {@link PupilAccess}.
 */
@Controller
class PupilController {

    private final PupilSearch search;
    private final Pupils pupils;
    private final OrgDirectory org;
    private final AuditLog audit;
    private final ImportJobs jobs;
    private final PupilExport export;
    private final ImportLimits limits;
    private final ObjectProvider<PupilCaseSource> caseSources;
    private final JdbcClient jdbc;
    private final org.springframework.context.MessageSource messages;

    PupilController(PupilSearch search, Pupils pupils, OrgDirectory org, AuditLog audit, ImportJobs jobs,
                    PupilExport export, ImportLimits limits, ObjectProvider<PupilCaseSource> caseSources, JdbcClient jdbc,
                    org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.search = search;
        this.pupils = pupils;
        this.org = org;
        this.audit = audit;
        this.jobs = jobs;
        this.export = export;
        this.limits = limits;
        this.caseSources = caseSources;
        this.jdbc = jdbc;
    }

    @Bean
    static MenuEntry registryMenuEntry() {
        return new MenuEntry("registry.menu.pupils", "/pupils", 20, Set.of(Role.CLASS_TEACHER, Role.SCHOOL_LEADER,
                Role.SCHOOL_AID, Role.TOWNSHIP_EDU, Role.COUNTY_EDU, Role.COUNTY_AID, Role.SUPERVISOR));
    }

    @GetMapping("/pupils")
    String list(@AuthenticationPrincipal BaoxueUser me, @RequestParam(required = false) String q,
                @RequestParam(required = false) String school, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("result", search.search(me, q, blankToNull(school), page));
        model.addAttribute("q", q);
        model.addAttribute("school", school);
        model.addAttribute("schools", org.units(UnitKind.SCHOOL, me.jurisdiction()));
        model.addAttribute("mayImport", PupilImport.mayImport(me));
        return "registry/list";
    }

    @GetMapping("/pupils/{id:\\d+}")
    String pupil(@AuthenticationPrincipal BaoxueUser me, @PathVariable long id, Model model) {
        Pupil pupil = pupils.findVisible(id, me).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        boolean full = PupilAccess.seesFullRecord(me, pupil);
        audit.record(me, full ? "registry.pupil.view-full" : "registry.pupil.view", "pupil", String.valueOf(id), null);
        model.addAttribute("pupil", pupil);
        model.addAttribute("full", full);
        model.addAttribute("guardians", pupils.guardians(id));
        model.addAttribute("village", pupil.villageCode() == null ? null : org.unit(pupil.villageCode()).map(Unit::name).orElse(pupil.villageCode()));
        model.addAttribute("cases", caseSources.orderedStream().flatMap(s -> s.casesOf(id).stream()).toList());
        model.addAttribute("changes", jdbc.sql("select changed_at, username, field, old_text, new_text from pupil_change "
                        + "where pupil_id = ? order by id desc limit 50").param(id)
                .query((rs, n) -> new Change(rs.getTimestamp(1).toLocalDateTime().toLocalDate(), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5))).list());
        model.addAttribute("enrolments", jdbc.sql("select e.semester, s.name, e.grade, e.class_name from enrolment e "
                        + "join org_unit s on s.code = e.school_code where e.pupil_id = ? order by e.semester desc").param(id)
                .query((rs, n) -> new Enrolment(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3), rs.getString(4))).list());
        model.addAttribute("age", pupil.birthDate() == null ? null : pupil.birthDate().until(LocalDate.now()).getYears());
        return "registry/pupil";
    }

    record Enrolment(String semester, String schoolName, Integer grade, String className) {
    }

    record Change(LocalDate on, String username, String field, String oldText, String newText) {
    }

    @GetMapping("/pupils/export.xlsx")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal BaoxueUser me, @RequestParam(required = false) String q,
                                  @RequestParam(required = false) String school) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.write(me, q, blankToNull(school), out);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("学生名单-" + LocalDate.now() + ".xlsx", StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(out.toByteArray());
    }

    // --------------------------------------------------------------------------------------------- import

    @GetMapping("/pupils/import")
    String importForm(@AuthenticationPrincipal BaoxueUser me, Model model) {
        requireImporter(me);
        model.addAttribute("maxMegabytes", limits.maxBytes() / (1024 * 1024));
        model.addAttribute("maxRows", limits.maxRows());
        model.addAttribute("columns", ImportColumn.values());
        return "registry/import";
    }

    @PostMapping("/pupils/import")
    String upload(@AuthenticationPrincipal BaoxueUser me, @RequestParam(name = "file", required = false) MultipartFile file,
                  Model model) throws IOException {
        requireImporter(me);
        String refusal = null;
        Object[] args = {};
        if (file == null || file.isEmpty()) {
            refusal = "registry.import.refused.empty";
        } else if (file.getSize() > limits.maxBytes()) {
            refusal = "registry.import.refused.tooLarge";
            args = new Object[] {limits.maxBytes() / (1024 * 1024)};
        }
        if (refusal != null) {
            model.addAttribute("refusal", refusal);
            model.addAttribute("refusalArgs", args);
            return importForm(me, model);
        }
        String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
        ImportJobs.Job job = jobs.check(file.getBytes(), name, me);
        return "redirect:/pupils/import/" + job.id();
    }

    @GetMapping("/pupils/import/{job}")
    String job(@AuthenticationPrincipal BaoxueUser me, @PathVariable String job, Model model) {
        model.addAttribute("job", job(me, job));
        return "registry/import-job";
    }

    /** The part of the job page that htmx polls while the job runs. */
    @GetMapping("/pupils/import/{job}/status")
    String status(@AuthenticationPrincipal BaoxueUser me, @PathVariable String job, Model model) {
        model.addAttribute("job", job(me, job));
        return "registry/import-job :: job";
    }

    /** Every bad row of a checked upload with its reasons, as CSV (UTF-8 with BOM, which Excel opens correctly). */
    @GetMapping("/pupils/import/{job}/problems.csv")
    ResponseEntity<byte[]> problems(@AuthenticationPrincipal BaoxueUser me, @PathVariable String job, java.util.Locale locale) {
        ImportJobs.Job j = job(me, job);
        PupilImport.Preview preview = j.preview();
        if (preview == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        StringBuilder csv = new StringBuilder("\uFEFF");
        csv.append(String.join(",", List.of(messages.getMessage("registry.import.line", null, locale),
                messages.getMessage("registry.field.studentNumber", null, locale), messages.getMessage("registry.field.name", null, locale),
                messages.getMessage("registry.field.idNumber", null, locale), messages.getMessage("registry.import.problems", null, locale))))
                .append("\r\n");
        for (ImportRow row : preview.invalidRows(Integer.MAX_VALUE)) {
            String why = row.problems().stream().map(p -> messages.getMessage(p.messageKey(), p.args(), locale))
                    .collect(java.util.stream.Collectors.joining("；"));
            csv.append(row.line()).append(',').append(csvCell(row.maskedStudentNumber())).append(',').append(csvCell(row.name()))
                    .append(',').append(csvCell(row.maskedIdNumber())).append(',').append(csvCell(why)).append("\r\n");
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("problems.csv", StandardCharsets.UTF_8).build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A CSV cell, quoted, with formula triggers neutralised like the export's. */
    static String csvCell(String value) {
        String v = value == null ? "" : PupilExport.neutralise(value);
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }

    @PostMapping("/pupils/import/{job}/confirm")
    String confirm(@AuthenticationPrincipal BaoxueUser me, @PathVariable String job, @RequestParam String mode) {
        ImportJobs.Job j = job(me, job);
        PupilImport.Mode m;
        try {
            m = PupilImport.Mode.valueOf(mode);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        if (!jobs.confirm(j, m, me)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT);
        }
        return "redirect:/pupils/import/" + job;
    }

    @PostMapping("/pupils/import/{job}/discard")
    String discard(@AuthenticationPrincipal BaoxueUser me, @PathVariable String job) {
        jobs.discard(job(me, job));
        return "redirect:/pupils/import";
    }

    private ImportJobs.Job job(BaoxueUser me, String id) {
        requireImporter(me);
        return jobs.find(id, me).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static void requireImporter(BaoxueUser me) {
        if (!PupilImport.mayImport(me)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static List<ImportRow.Problem> problems(ImportRow row) {
        return row.problems;
    }
}
