package org.baoxue.aid;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.baoxue.registry.PupilCaseSource;
import org.baoxue.tasklist.CaseContributor;
import org.baoxue.tasklist.CaseHeader;
import org.baoxue.tasklist.TimelineEntry;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.stereotype.Component;

/** Aid cases (business keys {@code ZZ-...}) for the task list's header and timeline and for a pupil's page. */
@Component
class AidCases implements CaseContributor, PupilCaseSource {

    private final AidStore store;
    private final HistoryService history;

    AidCases(AidStore store, HistoryService history) {
        this.store = store;
        this.history = history;
    }

    @Override
    public boolean owns(String businessKey) {
        return businessKey != null && businessKey.startsWith("ZZ-");
    }

    @Override
    public Optional<CaseHeader> header(String businessKey) {
        if (!owns(businessKey)) {
            return Optional.empty();
        }
        Optional<AidApplication> app = store.application(businessKey);
        if (app.isPresent()) {
            AidApplication a = app.get();
            AidRound r = store.round(a.roundId()).orElseThrow();
            return Optional.of(new CaseHeader(a.caseNumber(), "aid.case.application", a.pupilName(), a.maskedName(),
                    r.schoolCode(), r.schoolName(), r.countyCode(), r.townshipCode(), a.villageCode(),
                    a.createdAt().toLocalDate(), r.noticeEndsOn(), List.of(), "/aid/rounds/" + r.caseNumber()));
        }
        return store.round(businessKey).map(r -> new CaseHeader(r.caseNumber(), "aid.case.round", null, null,
                r.schoolCode(), r.schoolName(), r.countyCode(), r.townshipCode(), null, r.openedAt().toLocalDate(),
                r.noticeEndsOn(), List.of(), "/aid/rounds/" + r.caseNumber()));
    }

    @Override
    public List<TimelineEntry> timeline(String businessKey) {
        if (!owns(businessKey)) {
            return List.of();
        }
        List<TimelineEntry> entries = new ArrayList<>();
        history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey).list().forEach(pi ->
                history.createHistoricTaskInstanceQuery().processInstanceId(pi.getId()).finished().list().forEach(t ->
                        entries.add(new TimelineEntry(LocalDateTime.ofInstant(t.getEndTime().toInstant(), ZoneId.systemDefault()),
                                t.getAssignee(), t.getName(), t.getDeleteReason(), List.of()))));
        store.application(businessKey).ifPresent(a -> {
            if (a.suggestedTier() != null) {
                String cats = a.categoryList().stream().map(AidCases::categoryName).reduce((x, y) -> x + "、" + y).orElse("无登记类别");
                LocalDateTime at = history.createHistoricActivityInstanceQuery().activityId("suggestTier")
                        .processInstanceId(a.processInstanceId() == null ? "-" : a.processInstanceId()).list().stream()
                        .filter(h -> h.getEndTime() != null).map(h -> LocalDateTime.ofInstant(h.getEndTime().toInstant(), ZoneId.systemDefault()))
                        .max(Comparator.naturalOrder()).orElse(a.createdAt());
                entries.add(new TimelineEntry(at, null, "建议档次（aid-tier 决策表）",
                        a.suggestedTier() + "档（" + cats + "）", List.of()));
            }
            if (a.sentBackReason() != null) {
                entries.add(new TimelineEntry(LocalDateTime.now(), null, "县级退回", a.sentBackReason(), List.of()));
            }
        });
        store.round(businessKey).ifPresent(r -> store.objections(r.id()).forEach(o -> {
            String about = o.applicationId() == null ? "整个名单"
                    : store.application(o.applicationId()).map(AidApplication::caseNumber).orElse("");
            entries.add(new TimelineEntry(o.recordedAt(), o.recordedBy(), "登记异议（" + raiser(o.raisedBy()) + "，" + about + "）",
                    o.content(), List.of()));
        }));
        entries.sort(Comparator.comparing(TimelineEntry::at));
        return entries;
    }

    private static String raiser(String raisedBy) {
        return switch (raisedBy) {
            case "PUPIL" -> "学生";
            case "PARENT" -> "家长";
            default -> "教师";
        };
    }

    private static String categoryName(String category) {
        return switch (category) {
            case "POVERTY_REGISTERED" -> "建档立卡/脱贫监测";
            case "SUBSISTENCE" -> "低保";
            case "EXTREME_POVERTY" -> "特困供养";
            case "ORPHAN" -> "孤儿";
            case "DISABILITY" -> "残疾";
            case "MARTYR" -> "烈士子女";
            case "DISASTER" -> "受灾";
            case "SERIOUS_ILLNESS" -> "大病";
            default -> category;
        };
    }

    @Override
    public List<PupilCase> casesOf(long pupilId) {
        return store.applicationsOfPupil(pupilId).stream()
                .map(a -> new PupilCase(a.caseNumber(), "aid.case.application", a.statusKey(), a.createdAt().toLocalDate(),
                        "/aid/rounds/" + a.roundCaseNumber()))
                .toList();
    }
}
