package org.baoxue.dropout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.baoxue.org.BaoxueUser;
import org.baoxue.org.MenuEntry;
import org.baoxue.org.Role;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The ledgers (台账) per jurisdiction with Excel export, and a case's page. Names masked in the ledger. */
@Controller
class DropoutPages {

    private final DropoutCases cases;
    private final OrderLetters letters;
    private final DropoutCaseContributor contributor;
    private final MessageSource messages;

    DropoutPages(DropoutCases cases, OrderLetters letters, DropoutCaseContributor contributor, MessageSource messages) {
        this.cases = cases;
        this.letters = letters;
        this.contributor = contributor;
        this.messages = messages;
    }

    @Bean
    static MenuEntry dropoutLedgerEntry() {
        return new MenuEntry("dropout.ledger", "/dropout/ledger", 200, EnumSet.of(Role.CLASS_TEACHER, Role.SCHOOL_LEADER,
                Role.VILLAGE_CADRE, Role.TOWNSHIP_OFFICIAL, Role.TOWNSHIP_EDU, Role.COUNTY_EDU, Role.SUPERVISOR, Role.ADMIN));
    }

    @GetMapping("/dropout/ledger")
    String ledger(@RequestParam(defaultValue = "SUSPECTED") DropoutCase.Status status, @AuthenticationPrincipal BaoxueUser me, Model model) {
        model.addAttribute("status", status);
        model.addAttribute("statuses", DropoutCase.Status.values());
        model.addAttribute("rows", cases.ledger(status, me));
        return "dropout/ledger";
    }

    @GetMapping("/dropout/ledger.xlsx")
    ResponseEntity<byte[]> export(@RequestParam(defaultValue = "SUSPECTED") DropoutCase.Status status,
                                  @AuthenticationPrincipal BaoxueUser me, Locale locale) throws IOException {
        List<DropoutCase> rows = cases.ledger(status, me);
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(msg("dropout.status." + status.name(), locale));
            String[] heads = {"dropout.ledger.case", "dropout.ledger.pupil", "dropout.ledger.school", "dropout.ledger.opened",
                    "dropout.ledger.stage", "dropout.ledger.reason", "dropout.ledger.returned", "dropout.ledger.closed",
                    "dropout.ledger.overdue"};
            Row head = sheet.createRow(0);
            for (int i = 0; i < heads.length; i++) {
                head.createCell(i).setCellValue(msg(heads[i], locale));
            }
            int r = 1;
            for (DropoutCase c : rows) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(c.caseNumber());
                row.createCell(1).setCellValue(c.maskedPupilName());
                row.createCell(2).setCellValue(c.schoolName());
                row.createCell(3).setCellValue(String.valueOf(c.openedOn()));
                row.createCell(4).setCellValue(c.stage() == null ? "" : msg("dropout.step." + c.stage(), locale));
                row.createCell(5).setCellValue(c.reason() == null ? "" : msg("dropout.reason." + c.reason(), locale));
                row.createCell(6).setCellValue(c.returnedOn() == null ? "" : c.returnedOn().toString());
                row.createCell(7).setCellValue(c.closedOn() == null ? "" : c.closedOn().toString());
                row.createCell(8).setCellValue(c.overdue() ? "✔" : "");
            }
            for (int i = 0; i < heads.length; i++) {
                sheet.setColumnWidth(i, 18 * 256);
            }
            book.write(out);
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"dropout-" + status.name().toLowerCase() + ".xlsx\"")
                    .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                    .body(out.toByteArray());
        }
    }

    @GetMapping("/dropout/cases/{caseNumber}")
    String view(@PathVariable String caseNumber, @AuthenticationPrincipal BaoxueUser me, Model model) {
        DropoutCase c = cases.view(caseNumber, me).orElseThrow(DropoutException::notFound);
        model.addAttribute("c", c);
        model.addAttribute("letters", letters.letters(c));
        model.addAttribute("timeline", contributor.timeline(caseNumber));
        return "dropout/case";
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(DropoutException.class)
    ResponseEntity<String> notFound(DropoutException e, Locale locale) {
        return ResponseEntity.status(404).contentType(MediaType.TEXT_PLAIN)
                .body(messages.getMessage(e.messageKey(), null, e.messageKey(), locale));
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
