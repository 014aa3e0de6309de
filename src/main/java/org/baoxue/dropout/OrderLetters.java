package org.baoxue.dropout;

import java.util.List;
import java.util.Optional;

import org.baoxue.documents.LetterRenderer;
import org.baoxue.documents.OfficialLetter;
import org.baoxue.org.AuditLog;
import org.baoxue.org.BaoxueUser;
import org.baoxue.registry.Pupil;
import org.baoxue.registry.Pupils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 《责令限期改正通知书》 (Compulsory Education Law art. 58): composed from the letter's row, the case and the pupil,
 * rendered as PDF by the documents module. Only within the user's jurisdiction; every download is audited.
 */
@Service
public class OrderLetters {

    private final CaseStore store;
    private final Pupils pupils;
    private final LetterRenderer renderer;
    private final AuditLog audit;

    OrderLetters(CaseStore store, Pupils pupils, LetterRenderer renderer, AuditLog audit) {
        this.store = store;
        this.pupils = pupils;
        this.renderer = renderer;
        this.audit = audit;
    }

    public record LetterInfo(long id, String letterNumber, String issuerName, java.time.LocalDate issuedOn,
                             java.time.LocalDate deadline, String href) {
    }

    public List<LetterInfo> letters(DropoutCase c) {
        return store.letters(c.id()).stream().map(l -> new LetterInfo(l.id(), l.letterNumber(), l.issuerName(),
                l.issuedOn(), l.deadline(), href(c, l.id()))).toList();
    }

    static String href(DropoutCase c, long letterId) {
        return "/api/dropout/cases/" + c.caseNumber() + "/letters/" + letterId + ".pdf";
    }

    @Transactional
    public Optional<byte[]> pdf(String caseNumber, long letterId, BaoxueUser user) {
        Optional<DropoutCase> c = store.findVisible(caseNumber, user.jurisdiction());
        if (c.isEmpty()) {
            return Optional.empty();
        }
        Optional<byte[]> pdf = pdf(c.get(), letterId);
        pdf.ifPresent(x -> audit.record(user, "DROPOUT_LETTER_VIEWED", "dropout_case", caseNumber, String.valueOf(letterId)));
        return pdf;
    }

    Optional<byte[]> pdf(DropoutCase c, long letterId) {
        return store.letters(c.id()).stream().filter(l -> l.id() == letterId).findFirst()
                .map(l -> renderer.render(compose(c, l)));
    }

    OfficialLetter compose(DropoutCase c, CaseStore.Letter l) {
        Pupil p = pupils.find(c.pupilId()).orElseThrow();
        String gender = "M".equals(p.gender()) ? "男" : "F".equals(p.gender()) ? "女" : null;
        String who = p.name() + (gender == null ? "" : "，" + gender)
                + (p.idNumber() == null ? "" : "，身份证号" + p.maskedIdNumber());
        String grade = p.grade() == null ? "" : p.grade() + "年级";
        String address = l.guardianAddress() == null ? "" : "（住址：" + l.guardianAddress() + "）";
        List<String> body = List.of(
                "你的子女（被监护人）" + who + "，系" + c.schoolName() + grade + "学生，自"
                        + LetterRenderer.chineseDate(c.openedOn()) + "起未到校就读。经学校、村（居）民委员会多次入户劝返，至今仍未返校。",
                "依照《中华人民共和国义务教育法》第五条、第十一条的规定，适龄儿童、少年的父母或者其他法定监护人应当依法保证其按时入学接受并完成义务教育。"
                        + "根据该法第五十八条的规定，现责令你于" + LetterRenderer.chineseDate(l.deadline()) + "前送"
                        + p.name() + "返回" + c.schoolName() + "就读。",
                "逾期不改正的，将依法追究法律责任，并可依法向人民法院提起诉讼。",
                "特此通知。");
        return new OfficialLetter("责令限期改正通知书", l.letterNumber(), l.guardianName() + address, body,
                l.issuerName(), l.issuedOn(),
                List.of("案件编号：" + c.caseNumber() + "　改正期限：" + LetterRenderer.chineseDate(l.deadline()),
                        "本通知书一式三份，监护人、学校、签发机关各执一份。"));
    }
}
