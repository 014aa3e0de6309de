package org.baoxue.aid;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
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
import org.baoxue.registry.Hardship;
import org.baoxue.registry.Pupil;
import org.baoxue.registry.Pupils;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What people do to aid cases outside the task list: open a round, record an application, record an objection,
 * create, export and pay a payment batch, re-check a semester. Each method checks the user's role and jurisdiction,
 * refuses bad input with an {@link AidRefusal} before changing anything, and writes an audit entry.
 */
@Service
public class AidService {

    /** The hardship categories an application may name (the list). */
    public static final Set<Hardship> CATEGORIES = EnumSet.of(Hardship.POVERTY_REGISTERED, Hardship.SUBSISTENCE,
            Hardship.EXTREME_POVERTY, Hardship.ORPHAN, Hardship.DISABILITY, Hardship.MARTYR, Hardship.DISASTER,
            Hardship.SERIOUS_ILLNESS);
    public static final Set<String> RAISERS = Set.of("PUPIL", "PARENT", "TEACHER");

    private final AidStore store;
    private final AidRules rules;
    private final Pupils pupils;
    private final OrgDirectory org;
    private final AuditLog audit;
    private final RuntimeService runtime;
    private final ZoneId zone;

    AidService(AidStore store, AidRules rules, Pupils pupils, OrgDirectory org, AuditLog audit, RuntimeService runtime,
               @Value("${baoxue.time-zone:Asia/Shanghai}") String zone) {
        this.store = store;
        this.rules = rules;
        this.pupils = pupils;
        this.org = org;
        this.audit = audit;
        this.runtime = runtime;
        this.zone = ZoneId.of(zone);
    }

    LocalDate today() {
        return ClockUtil.getCurrentTime().toInstant().atZone(zone).toLocalDate();
    }

    // reading, within the user's jurisdiction

    public List<AidRound> rounds(BaoxueUser user) {
        return store.rounds(user.jurisdiction(), 500);
    }

    public Optional<AidRound> round(String caseNumber, BaoxueUser user) {
        return store.round(caseNumber).filter(r -> user.jurisdiction().covers(r.countyCode(), r.townshipCode(), null, r.schoolCode()));
    }

    public List<AidApplication> applications(AidRound round) {
        return store.applications(round.id());
    }

    public Optional<AidApplication> application(String caseNumber) {
        return store.application(caseNumber);
    }

    public QuotaUse quota(AidRound round) {
        return quota(round, -1, false);
    }

    /** The quota use if the given application were (or were not) on the list as a boarder. */
    QuotaUse quota(AidRound round, long applicationId, boolean counted) {
        double share = rules.boardingShare(round.countyCode(), round.programme());
        boolean applies = round.programme() == Programme.LIVING_SUBSIDY && share < 1.0;
        int identified = store.identifiedBoarders(round.id(), applicationId) + (counted ? 1 : 0);
        return QuotaUse.of(applies, identified, store.enrolledBoarders(round.schoolCode()), share);
    }

    // 1. round

    @Transactional
    public AidRound openRound(BaoxueUser user, String programmeName, String semester, String callText) {
        if (!user.has(Role.SCHOOL_AID) || user.unit().kind() != UnitKind.SCHOOL) {
            throw new AidRefusal(403, "aid.refusal.role");
        }
        Programme programme = Programme.parse(programmeName).orElseThrow(() -> new AidRefusal("aid.refusal.programme"));
        if (semester == null || !semester.matches("20\\d\\d-[12]")) {
            throw new AidRefusal("aid.refusal.semester");
        }
        if (callText == null || callText.isBlank() || callText.length() > 2000) {
            throw new AidRefusal("aid.refusal.callText");
        }
        Unit school = user.unit();
        String caseNumber = "ZZ-" + school.code() + "-" + semester + "-" + programme.code();
        if (store.round(caseNumber).isPresent()) {
            throw new AidRefusal(409, "aid.refusal.roundExists", caseNumber);
        }
        long id = store.insertRound(caseNumber, programme, semester, school.code(), school.countyCode(),
                school.townshipCode(), callText.strip(), user.getUsername());
        ProcessInstance pi = runtime.startProcessInstanceByKey("aid-round", caseNumber,
                Map.of("schoolCode", school.code(), "countyCode", school.countyCode(), "noticeRestartPending", false));
        store.roundProcess(id, pi.getId());
        audit.record(user, "aid.round.open", "aid_round", caseNumber, programme.name() + " " + semester);
        return store.round(id).orElseThrow();
    }

    // 2. application

    @Transactional
    public AidApplication apply(BaoxueUser user, String roundCaseNumber, long pupilId, List<String> categoryNames,
                                String evidence, String cardAccount) {
        if (!user.has(Role.CLASS_TEACHER) && !user.has(Role.SCHOOL_AID)) {
            throw new AidRefusal(403, "aid.refusal.role");
        }
        AidRound round = round(roundCaseNumber, user).orElseThrow(() -> new AidRefusal(404, "aid.refusal.noRound"));
        if (!"OPEN".equals(round.status())) {
            throw new AidRefusal(409, "aid.refusal.roundNotOpen");
        }
        Pupil pupil = pupils.findVisible(pupilId, user).filter(p -> p.schoolCode().equals(round.schoolCode()))
                .orElseThrow(() -> new AidRefusal("aid.refusal.pupil"));
        if (!"ENROLLED".equals(pupil.status())) {
            throw new AidRefusal("aid.refusal.notEnrolled");
        }
        if (!round.programme().admits(pupil.stage())) {
            throw new AidRefusal("aid.refusal.stage");
        }
        Set<Hardship> categories = new LinkedHashSet<>();
        for (String name : categoryNames == null ? List.<String>of() : categoryNames) {
            Hardship h = CATEGORIES.stream().filter(c -> c.name().equals(name)).findFirst()
                    .orElseThrow(() -> new AidRefusal("aid.refusal.category", name));
            categories.add(h);
        }
        if (evidence != null && evidence.length() > 2000) {
            throw new AidRefusal("aid.refusal.evidence");
        }
        String card = cardAccount == null ? "" : cardAccount.replace(" ", "");
        if (round.programme() != Programme.FEE_EXEMPTION && !card.matches("\\d{12,19}")) {
            throw new AidRefusal("aid.refusal.cardAccount");
        }
        if (store.pupilInRound(round.id(), pupilId)) {
            throw new AidRefusal(409, "aid.refusal.alreadyApplied");
        }
        String caseNumber = round.caseNumber() + "-A" + String.format("%04d", store.countApplications(round.id()) + 1);
        String cats = String.join(",", categories.stream().map(Enum::name).toList());
        long id = store.insertApplication(caseNumber, round, pupilId, pupil.className(), pupil.stage().name(),
                pupil.boarding(), pupil.villageCode(), cats, evidence == null ? null : evidence.strip(),
                card.isEmpty() ? null : card, user.getUsername());
        ProcessInstance pi = runtime.startProcessInstanceByKey("aid-application", caseNumber,
                Map.of("schoolCode", round.schoolCode(), "countyCode", round.countyCode(), "roundCaseNumber", round.caseNumber()));
        store.update("update aid_application set process_instance_id = ? where id = ?", pi.getId(), id);
        audit.record(user, "aid.application.create", "aid_application", caseNumber, "pupil " + pupilId + " " + cats);
        return store.application(id).orElseThrow();
    }

    // 5. objection during the notice

    @Transactional
    public long recordObjection(BaoxueUser user, String roundCaseNumber, String applicationCaseNumber, String raisedBy,
                                String content) {
        if (!(user.has(Role.SCHOOL_AID) || user.has(Role.CLASS_TEACHER) || user.has(Role.SCHOOL_LEADER))) {
            throw new AidRefusal(403, "aid.refusal.role");
        }
        AidRound round = round(roundCaseNumber, user).orElseThrow(() -> new AidRefusal(404, "aid.refusal.noRound"));
        if (!RAISERS.contains(raisedBy)) {
            throw new AidRefusal("aid.refusal.raisedBy");
        }
        if (content == null || content.isBlank() || content.length() > 2000) {
            throw new AidRefusal("aid.refusal.objectionContent");
        }
        Long applicationId = null;
        if (applicationCaseNumber != null && !applicationCaseNumber.isBlank()) {
            AidApplication app = store.application(applicationCaseNumber.strip())
                    .filter(a -> a.roundId() == round.id() && "REVIEWED".equals(a.status()))
                    .orElseThrow(() -> new AidRefusal("aid.refusal.objectionApplication"));
            applicationId = app.id();
        }
        if (!"NOTICE".equals(round.status()) || runtime.createEventSubscriptionQuery().processInstanceId(round.processInstanceId())
                .eventName("AidObjection").count() == 0) {
            throw new AidRefusal(409, "aid.refusal.notInNotice");
        }
        long id = store.insertObjection(round, applicationId, raisedBy, content.strip(), user.getUsername());
        runtime.createMessageCorrelation("AidObjection").processInstanceId(round.processInstanceId())
                .setVariable("objectionId", id).correlateWithResult();
        audit.record(user, "aid.objection.record", "aid_round", round.caseNumber(), "objection " + id);
        return id;
    }

    // 8. payment

    @Transactional
    public PaymentBatch createBatch(BaoxueUser user, List<String> roundCaseNumbers) {
        if (!user.has(Role.FINANCE)) {
            throw new AidRefusal(403, "aid.refusal.role");
        }
        if (roundCaseNumbers == null || roundCaseNumbers.isEmpty()) {
            throw new AidRefusal("aid.refusal.batchEmpty");
        }
        List<AidRound> rounds = new ArrayList<>();
        for (String n : new LinkedHashSet<>(roundCaseNumbers)) {
            AidRound r = round(n, user).orElseThrow(() -> new AidRefusal("aid.refusal.batchRound", n));
            if (!"APPROVED".equals(r.status()) || r.paymentBatchId() != null) {
                throw new AidRefusal("aid.refusal.batchRound", n);
            }
            rounds.add(r);
        }
        String county = user.unit().countyCode();
        String prefix = "ZF-" + county + "-" + today().format(DateTimeFormatter.BASIC_ISO_DATE) + "-";
        int seq = store.jdbc().sql("select count(*) from aid_payment_batch where batch_number like ?").param(prefix + "%")
                .query(Integer.class).single() + 1;
        String number = prefix + String.format("%03d", seq);
        long batchId = store.insertBatch(number, county, user.getUsername());
        for (AidRound r : rounds) {
            store.update("update aid_round set payment_batch_id = ? where id = ?", batchId, r.id());
            store.update("update aid_application set payment_batch_id = ? where round_id = ? and status = 'APPROVED' and semester_amount > 0",
                    batchId, r.id());
        }
        store.update("update aid_payment_batch set total_amount = (select coalesce(sum(semester_amount), 0) from aid_application "
                + "where payment_batch_id = ?) where id = ?", batchId, batchId);
        audit.record(user, "aid.batch.create", "aid_payment_batch", number, String.join(",", roundCaseNumbers));
        return store.batch(number).orElseThrow();
    }

    public Optional<PaymentBatch> batch(String number, BaoxueUser user) {
        return store.batch(number).filter(b -> user.jurisdiction().covers(b.countyCode(), null, null, null)
                && (user.has(Role.FINANCE) || user.has(Role.COUNTY_AID)));
    }

    public List<PaymentBatch> batches(BaoxueUser user) {
        return store.batches(user.jurisdiction());
    }

    public List<AidApplication> batchApplications(PaymentBatch batch) {
        return store.applicationsOfBatch(batch.id());
    }

    @Transactional
    public byte[] exportBatch(BaoxueUser user, String number) {
        PaymentBatch batch = batch(number, user).filter(b -> user.has(Role.FINANCE))
                .orElseThrow(() -> new AidRefusal(404, "aid.refusal.noBatch"));
        byte[] xlsx = PaymentExport.xlsx(batch, store.applicationsOfBatch(batch.id()));
        if ("CREATED".equals(batch.status())) {
            store.update("update aid_payment_batch set status = 'EXPORTED', exported_at = current_timestamp where id = ?", batch.id());
        }
        audit.record(user, "aid.batch.export", "aid_payment_batch", number, null);
        return xlsx;
    }

    @Transactional
    public PaymentBatch markPaid(BaoxueUser user, String number, LocalDate paidOn) {
        PaymentBatch batch = batch(number, user).filter(b -> user.has(Role.FINANCE))
                .orElseThrow(() -> new AidRefusal(404, "aid.refusal.noBatch"));
        if (!"EXPORTED".equals(batch.status())) {
            throw new AidRefusal(409, "aid.refusal.batchNotExported");
        }
        LocalDate day = paidOn == null ? today() : paidOn;
        if (day.isAfter(today())) {
            throw new AidRefusal("aid.refusal.paidOnFuture");
        }
        store.update("update aid_payment_batch set status = 'PAID', paid_on = ? where id = ?", day, batch.id());
        for (AidApplication a : store.applicationsOfBatch(batch.id())) {
            store.update("update aid_application set status = 'PAID', paid_on = ? where id = ?", day, a.id());
            runtime.createMessageCorrelation("AidPaid").processInstanceBusinessKey(a.caseNumber()).correlate();
        }
        List<Long> rounds = store.jdbc().sql("select id from aid_round where payment_batch_id = ?").param(batch.id())
                .query(Long.class).list();
        for (Long id : rounds) {
            AidRound r = store.round(id).orElseThrow();
            store.roundStatus(id, "PAID");
            runtime.createMessageCorrelation("AidRoundPaid").processInstanceBusinessKey(r.caseNumber()).correlate();
        }
        audit.record(user, "aid.batch.paid", "aid_payment_batch", number, day.toString());
        return store.batch(number).orElseThrow();
    }

    // 9. dynamic adjustment

    /** Flags this semester's applications of the county whose pupil left school or whose household left every category. */
    @Transactional
    public int recheck(BaoxueUser user, String semester) {
        if (!user.has(Role.COUNTY_AID)) {
            throw new AidRefusal(403, "aid.refusal.role");
        }
        if (semester == null || !semester.matches("20\\d\\d-[12]")) {
            throw new AidRefusal("aid.refusal.semester");
        }
        List<AidApplication> apps = store.jdbc().sql("select id from aid_application where county_code = ? and semester = ? "
                        + "and status in ('REVIEWED', 'APPROVED', 'PAID')")
                .params(user.unit().countyCode(), semester).query(Long.class).list().stream()
                .map(id -> store.application(id).orElseThrow()).toList();
        int flagged = 0;
        for (AidApplication a : apps) {
            Pupil p = pupils.find(a.pupilId()).orElseThrow();
            List<String> flags = new ArrayList<>();
            if (!"ENROLLED".equals(p.status())) {
                flags.add("LEFT_SCHOOL");
            }
            if (!a.categoryList().isEmpty() && a.categoryList().stream().noneMatch(c -> p.hardships().contains(Hardship.valueOf(c)))) {
                flags.add("HARDSHIP_ENDED");
            }
            String flag = flags.isEmpty() ? null : String.join(",", flags);
            store.update("update aid_application set review_flag = ? where id = ?", flag, a.id());
            if (flag != null) {
                flagged++;
            }
        }
        audit.record(user, "aid.recheck", "aid_semester", semester, flagged + " flagged");
        return flagged;
    }

    /** The amount standard for an application at a tier, or a refusal when the table has none. */
    AidRules.Amount amountFor(AidApplication app, int tier) {
        return rules.amount(app.programme(), app.stage(), tier, app.boarding())
                .orElseThrow(() -> new AidRefusal("aid.refusal.noStandard"));
    }

    static BigDecimal zero() {
        return BigDecimal.ZERO;
    }

    Optional<BaoxueUser> user(String username) {
        return username == null ? Optional.empty() : org.user(username);
    }
}
