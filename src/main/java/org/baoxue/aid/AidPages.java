package org.baoxue.aid;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.baoxue.org.BaoxueUser;
import org.baoxue.org.MenuEntry;
import org.baoxue.org.Role;
import org.baoxue.registry.Semesters;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The aid pages: rounds of the user's jurisdiction, a round with its quota use, the public list, payment batches. */
@Controller
@RequestMapping("/aid")
class AidPages {

    private final AidService aid;
    private final Duplicates duplicates;
    private final AidStore store;
    private final MessageSource messages;
    private final JdbcClient jdbc;

    AidPages(AidService aid, Duplicates duplicates, AidStore store, MessageSource messages, JdbcClient jdbc) {
        this.aid = aid;
        this.duplicates = duplicates;
        this.store = store;
        this.messages = messages;
        this.jdbc = jdbc;
    }

    @GetMapping("/rounds")
    String rounds(@AuthenticationPrincipal BaoxueUser me, Model model) {
        model.addAttribute("rounds", aid.rounds(me));
        model.addAttribute("programmes", Programme.values());
        model.addAttribute("semester", Semesters.current(aid.today()));
        model.addAttribute("canOpen", me.has(Role.SCHOOL_AID));
        return "aid/rounds";
    }

    @PostMapping("/rounds")
    String open(@AuthenticationPrincipal BaoxueUser me, @RequestParam(required = false) String programme,
                @RequestParam(required = false) String semester, @RequestParam(required = false) String callText,
                Model model, Locale locale) {
        try {
            AidRound round = aid.openRound(me, programme, semester, callText);
            return "redirect:/aid/rounds/" + round.caseNumber();
        } catch (AidRefusal e) {
            model.addAttribute("error", messages.getMessage(e.messageKey(), e.args(), locale));
            model.addAttribute("callText", callText);
            return rounds(me, model);
        }
    }

    @GetMapping("/rounds/{caseNumber}")
    String round(@AuthenticationPrincipal BaoxueUser me, @PathVariable String caseNumber, Model model) {
        AidRound round = visible(me, caseNumber);
        model.addAttribute("round", round);
        model.addAttribute("quota", aid.quota(round));
        model.addAttribute("applications", aid.applications(round));
        model.addAttribute("duplicates", duplicates.ofRound(round.id()));
        model.addAttribute("objections", store.objections(round.id()));
        boolean schoolStaff = round.schoolCode().equals(me.unit().code());
        model.addAttribute("canObject", schoolStaff && "NOTICE".equals(round.status()));
        boolean canApply = schoolStaff && "OPEN".equals(round.status()) && (me.has(Role.CLASS_TEACHER) || me.has(Role.SCHOOL_AID));
        model.addAttribute("canApply", canApply);
        if (canApply) {
            model.addAttribute("pupils", jdbc.sql("select id, name, class_name from pupil where school_code = ? and status = 'ENROLLED' "
                    + "and id not in (select pupil_id from aid_application where round_id = ?) order by class_name, name")
                    .params(round.schoolCode(), round.id()).query().listOfRows());
            model.addAttribute("categories", AidService.CATEGORIES);
        }
        return "aid/round";
    }

    /** The quota box alone, which the round page reloads every 30 seconds (htmx) while reviewers work. */
    @GetMapping("/rounds/{caseNumber}/quota")
    String quota(@AuthenticationPrincipal BaoxueUser me, @PathVariable String caseNumber, Model model) {
        AidRound round = visible(me, caseNumber);
        model.addAttribute("round", round);
        model.addAttribute("quota", aid.quota(round));
        return "aid/round :: quota";
    }

    @PostMapping("/rounds/{caseNumber}/applications")
    String apply(@AuthenticationPrincipal BaoxueUser me, @PathVariable String caseNumber,
                 @RequestParam(required = false) Long pupilId, @RequestParam(required = false) List<String> categories,
                 @RequestParam(required = false) String evidence, @RequestParam(required = false) String cardAccount,
                 RedirectAttributes redirect, Locale locale) {
        try {
            if (pupilId == null) {
                throw new AidRefusal("aid.refusal.pupil");
            }
            AidApplication a = aid.apply(me, caseNumber, pupilId, categories, evidence, cardAccount);
            redirect.addFlashAttribute("notice", a.caseNumber());
        } catch (AidRefusal e) {
            redirect.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.args(), locale));
        }
        return "redirect:/aid/rounds/" + caseNumber;
    }

    @PostMapping("/rounds/{caseNumber}/objections")
    String object(@AuthenticationPrincipal BaoxueUser me, @PathVariable String caseNumber,
                  @RequestParam(required = false) String application, @RequestParam(required = false) String raisedBy,
                  @RequestParam(required = false) String content, RedirectAttributes redirect, Locale locale) {
        try {
            aid.recordObjection(me, caseNumber, application, raisedBy, content);
        } catch (AidRefusal e) {
            redirect.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.args(), locale));
        }
        return "redirect:/aid/rounds/" + caseNumber;
    }

    @GetMapping("/rounds/{caseNumber}/public")
    String publicList(@AuthenticationPrincipal BaoxueUser me, @PathVariable String caseNumber, Model model) {
        AidRound round = visible(me, caseNumber);
        model.addAttribute("round", round);
        model.addAttribute("entries", PublicList.of(round, aid.applications(round)));
        return "aid/public";
    }

    @GetMapping("/batches")
    String batches(@AuthenticationPrincipal BaoxueUser me, Model model) {
        requireAny(me, Role.FINANCE, Role.COUNTY_AID);
        model.addAttribute("batches", aid.batches(me));
        model.addAttribute("approved", aid.rounds(me).stream()
                .filter(r -> "APPROVED".equals(r.status()) && r.paymentBatchId() == null).toList());
        model.addAttribute("canPay", me.has(Role.FINANCE));
        model.addAttribute("today", aid.today());
        return "aid/batches";
    }

    @PostMapping("/batches")
    String createBatch(@AuthenticationPrincipal BaoxueUser me, @RequestParam(required = false) List<String> rounds,
                       RedirectAttributes redirect, Locale locale) {
        try {
            PaymentBatch b = aid.createBatch(me, rounds);
            redirect.addFlashAttribute("notice", b.batchNumber());
        } catch (AidRefusal e) {
            redirect.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.args(), locale));
        }
        return "redirect:/aid/batches";
    }

    @GetMapping("/batches/{number}/export")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal BaoxueUser me, @PathVariable String number) {
        try {
            byte[] xlsx = aid.exportBatch(me, number);
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + number + ".xlsx\"")
                    .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                    .body(xlsx);
        } catch (AidRefusal e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    @PostMapping("/batches/{number}/paid")
    String paid(@AuthenticationPrincipal BaoxueUser me, @PathVariable String number,
                @RequestParam(required = false) LocalDate paidOn, RedirectAttributes redirect, Locale locale) {
        try {
            aid.markPaid(me, number, paidOn);
        } catch (AidRefusal e) {
            redirect.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.args(), locale));
        }
        return "redirect:/aid/batches";
    }

    private AidRound visible(BaoxueUser me, String caseNumber) {
        return aid.round(caseNumber, me).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static void requireAny(BaoxueUser me, Role... roles) {
        for (Role r : roles) {
            if (me.has(r)) {
                return;
            }
        }
        throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }

    static Map<String, Object> none() {
        return Map.of();
    }
}

@Configuration
class AidMenu {

    @Bean
    MenuEntry aidRoundsMenu() {
        return new MenuEntry("aid.menu.rounds", "/aid/rounds", 30, Set.of(Role.CLASS_TEACHER, Role.SCHOOL_LEADER,
                Role.SCHOOL_AID, Role.COUNTY_AID, Role.COUNTY_EDU, Role.SUPERVISOR, Role.FINANCE));
    }

    @Bean
    MenuEntry aidBatchesMenu() {
        return new MenuEntry("aid.menu.batches", "/aid/batches", 31, Set.of(Role.FINANCE, Role.COUNTY_AID));
    }
}
