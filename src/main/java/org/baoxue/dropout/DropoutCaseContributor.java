package org.baoxue.dropout;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.baoxue.registry.PupilCaseSource;
import org.baoxue.tasklist.CaseContributor;
import org.baoxue.tasklist.CaseHeader;
import org.baoxue.tasklist.TimelineEntry;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the task list shows for a dropout case (header and timeline, for business keys {@code KC-...}), and the
 * pupil page's list of the pupil's cases. The task list and the registry check jurisdiction before they ask.
 */
@Component
class DropoutCaseContributor implements CaseContributor, PupilCaseSource {

    private final CaseStore store;
    private final TaskService tasks;
    private final MessageSource messages;

    DropoutCaseContributor(CaseStore store, TaskService tasks, MessageSource messages) {
        this.store = store;
        this.tasks = tasks;
        this.messages = messages;
    }

    @Override
    public boolean owns(String businessKey) {
        return businessKey != null && businessKey.startsWith(DropoutCases.PREFIX);
    }

    @Override
    public Optional<CaseHeader> header(String businessKey) {
        return store.find(businessKey).map(c -> {
            List<CaseHeader.Responsible> people = new ArrayList<>();
            add(people, CaseHeader.Line.ADMINISTRATIVE, "dropout.responsible.admin-official", c.adminOfficial(), "G" + c.townshipCode());
            add(people, CaseHeader.Line.ADMINISTRATIVE, "dropout.responsible.village-cadre", c.adminVillageCadre(), "V" + c.villageCode());
            add(people, CaseHeader.Line.EDUCATION, "dropout.responsible.county-edu", c.eduCountyOfficer(), "E" + c.countyCode());
            add(people, CaseHeader.Line.EDUCATION, "dropout.responsible.township-edu", c.eduTownshipOfficer(), "E" + c.townshipCode());
            add(people, CaseHeader.Line.EDUCATION, "dropout.responsible.school", c.eduSchoolPerson(), c.schoolName());
            LocalDate deadline = c.processInstanceId() == null ? null : tasks.createTaskQuery()
                    .processInstanceId(c.processInstanceId()).orderByDueDate().asc().list().stream()
                    .map(Task::getDueDate).filter(java.util.Objects::nonNull).findFirst()
                    .map(d -> d.toInstant().atZone(ZoneId.of("Asia/Shanghai")).toLocalDate()).orElse(null);
            return new CaseHeader(c.caseNumber(), "dropout.kind", c.pupilName(), c.maskedPupilName(), c.schoolCode(),
                    c.schoolName(), c.countyCode(), c.townshipCode(), c.villageCode(), c.openedOn(), deadline, people, c.link());
        });
    }

    private static void add(List<CaseHeader.Responsible> people, CaseHeader.Line line, String role, String name, String unit) {
        if (name != null) {
            people.add(new CaseHeader.Responsible(line, role, name, unit));
        }
    }

    @Override
    public List<TimelineEntry> timeline(String businessKey) {
        Optional<DropoutCase> found = store.find(businessKey);
        if (found.isEmpty()) {
            return List.of();
        }
        DropoutCase c = found.get();
        Locale locale = LocaleContextHolder.getLocale();
        List<TimelineEntry> entries = new ArrayList<>();
        entries.add(new TimelineEntry(c.openedOn().atStartOfDay(), null, msg("dropout.step.reported", locale),
                msg("dropout.source." + c.source(), locale), List.of()));
        for (CaseStore.Visit v : store.visits(c.id())) {
            entries.add(new TimelineEntry(v.recordedAt(), v.recordedBy(), msg("dropout.step." + v.step(), locale),
                    v.visitDate() + " · " + v.visitors() + " → " + v.metWith() + " · " + msg("dropout.reason." + v.reason(), locale)
                            + " · " + v.outcome(), List.of()));
        }
        List<OrderLetters.LetterInfo> letters = store.letters(c.id()).stream().map(l -> new OrderLetters.LetterInfo(l.id(),
                l.letterNumber(), l.issuerName(), l.issuedOn(), l.deadline(), OrderLetters.href(c, l.id()))).toList();
        for (CaseStore.Step s : store.steps(c.id())) {
            List<TimelineEntry.DocumentLink> docs = new ArrayList<>();
            if ("ut_issue_order".equals(s.step())) {
                letters.stream().filter(l -> l.letterNumber().equals(s.docNumber())).findFirst().ifPresent(l ->
                        docs.add(new TimelineEntry.DocumentLink(msg("dropout.letter.title", locale) + " " + l.letterNumber(), l.href())));
            }
            String outcome = s.outcome() == null ? "" : s.outcome();
            if (s.docNumber() != null) {
                outcome += " · " + s.docNumber();
            }
            if (s.deadline() != null) {
                outcome += " · " + s.deadline();
            }
            entries.add(new TimelineEntry(s.at(), s.username(), msg("dropout.step." + s.step(), locale), outcome, docs));
        }
        entries.sort(Comparator.comparing(TimelineEntry::at));
        return entries;
    }

    @Override
    public List<PupilCase> casesOf(long pupilId) {
        Locale locale = LocaleContextHolder.getLocale();
        return store.casesOfPupil(pupilId).stream().map(c -> new PupilCase(c.caseNumber(), "dropout.kind",
                msg("dropout.status." + c.status().name(), locale), c.openedOn(), c.link())).toList();
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
