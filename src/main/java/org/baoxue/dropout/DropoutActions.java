package org.baoxue.dropout;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import org.baoxue.org.BaoxueUser;
import org.baoxue.org.MenuEntry;
import org.baoxue.org.Role;
import org.baoxue.registry.IdNumbers;
import org.baoxue.registry.PupilSearch;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What an official starts from a page rather than from a task: reporting a suspected dropout, and on a case's page
 * a special case, a transfer or a new absence during follow-up. Each goes through {@link DropoutCases}, as the API
 * does; a refusal comes back as a message on the page and changes nothing.
 */
@Controller
class DropoutActions {

    private final DropoutCases cases;
    private final PupilSearch pupils;
    private final MessageSource messages;

    DropoutActions(DropoutCases cases, PupilSearch pupils, MessageSource messages) {
        this.cases = cases;
        this.pupils = pupils;
        this.messages = messages;
    }

    @Bean
    static MenuEntry dropoutReportEntry() {
        return new MenuEntry("dropout.report.menu", "/dropout/report", 150,
                EnumSet.of(Role.CLASS_TEACHER, Role.SCHOOL_LEADER, Role.TOWNSHIP_EDU, Role.COUNTY_EDU));
    }

    @Bean
    static MenuEntry dropoutAbsencesEntry() {
        return new MenuEntry("dropout.absences.menu", "/dropout/absences", 160, EnumSet.of(Role.CLASS_TEACHER, Role.SCHOOL_LEADER));
    }

    @GetMapping("/dropout/report")
    String reportPage(@AuthenticationPrincipal BaoxueUser me, @RequestParam(required = false) String q, Model model) {
        String query = q == null ? "" : q.strip();
        model.addAttribute("q", query);
        model.addAttribute("pupils", query.isEmpty() ? List.of() : pupils.find(me, query));
        return "dropout/report";
    }

    @PostMapping("/dropout/report")
    String report(@AuthenticationPrincipal BaoxueUser me, @RequestParam long pupilId,
                  @RequestParam(required = false) String note, RedirectAttributes redirect, Locale locale) {
        try {
            DropoutCases.ReportResult result = cases.report(pupilId, DropoutCases.Source.TEACHER, null, note, me);
            redirect.addFlashAttribute("flash", message(result.joined() ? "dropout.report.joined" : "dropout.report.opened",
                    locale, result.caseNumber()));
            return "redirect:/dropout/cases/" + result.caseNumber();
        } catch (DropoutException e) {
            redirect.addFlashAttribute("flashError", message(e.messageKey(), locale, e.args().toArray()));
            return "redirect:/dropout/report";
        }
    }

    @GetMapping("/dropout/absences")
    String absencesPage() {
        return "dropout/absences";
    }

    /**
     * A school's absence list as CSV — 学籍号, 缺课天数, 请假事由 — in UTF-8 or GBK (what Chinese Excel writes): every
     * pupil over the county's threshold without an excuse is reported, each row gets its outcome.
     */
    @PostMapping("/dropout/absences")
    String importAbsences(@AuthenticationPrincipal BaoxueUser me, @RequestParam("file") MultipartFile file, Model model) {
        List<DropoutCases.AbsenceRow> rows;
        try {
            rows = AbsenceCsv.read(file.getBytes());
        } catch (AbsenceCsv.Refused e) {
            model.addAttribute("error", e.getMessage());
            return "dropout/absences";
        } catch (java.io.IOException e) {
            model.addAttribute("error", "dropout.absences.unreadable");
            return "dropout/absences";
        }
        model.addAttribute("results", cases.reportAbsences(rows, me).stream()
                .map(r -> new AbsenceLine(IdNumbers.maskStudentNumber(r.studentNumber()), r.outcome(), r.caseNumber())).toList());
        return "dropout/absences";
    }

    @PostMapping("/dropout/cases/{caseNumber}/special")
    String special(@AuthenticationPrincipal BaoxueUser me, @PathVariable String caseNumber, @RequestParam String kind,
                   @RequestParam(required = false) String note, RedirectAttributes redirect, Locale locale) {
        return act(caseNumber, redirect, locale, "dropout.action.special.done",
                () -> cases.reportSpecialCase(caseNumber, parseKind(kind), note, me));
    }

    @PostMapping("/dropout/cases/{caseNumber}/transfer")
    String transfer(@AuthenticationPrincipal BaoxueUser me, @PathVariable String caseNumber, @RequestParam String schoolCode,
                    @RequestParam String villageCode, @RequestParam(required = false) String note,
                    RedirectAttributes redirect, Locale locale) {
        return act(caseNumber, redirect, locale, "dropout.action.transfer.done",
                () -> cases.transfer(caseNumber, schoolCode.strip(), villageCode.strip(), note, me));
    }

    @PostMapping("/dropout/cases/{caseNumber}/absent-again")
    String absentAgain(@AuthenticationPrincipal BaoxueUser me, @PathVariable String caseNumber,
                       @RequestParam(required = false) String note, RedirectAttributes redirect, Locale locale) {
        return act(caseNumber, redirect, locale, "dropout.action.absent.done", () -> cases.absentAgain(caseNumber, note, me));
    }

    private String act(String caseNumber, RedirectAttributes redirect, Locale locale, String doneKey, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", message(doneKey, locale));
        } catch (DropoutException e) {
            redirect.addFlashAttribute("flashError", message(e.messageKey(), locale, e.args().toArray()));
        }
        return "redirect:/dropout/cases/" + caseNumber;
    }

    /** One row's outcome as the page shows it: the student number masked like every list of pupils. */
    record AbsenceLine(String maskedStudentNumber, String outcome, String caseNumber) {
    }

    private static DropoutCases.SpecialKind parseKind(String kind) {
        try {
            return DropoutCases.SpecialKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new DropoutException(DropoutException.Kind.INVALID, "dropout.error.invalid");
        }
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
