package org.baoxue.tasklist;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.baoxue.org.AuditLog;
import org.baoxue.org.BaoxueUser;
import org.baoxue.org.Notifications;
import org.baoxue.org.OrgDirectory;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.context.MessageSourceResolvable;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * What an official does to a task: open it (scoped: a task outside the user's groups and jurisdiction is "not
 * found"), claim, unclaim, hand over, complete with a validated form. When someone else got there first the
 * engine's exception becomes a {@link Conflict} with a plain message, never an error page.
 */
@Service
class TaskWork {

    /** Someone else completed or claimed the task first; the message key says which. */
    static final class Conflict extends RuntimeException {
        final String messageKey;
        final Object[] args;

        Conflict(String messageKey, Object... args) {
            super(messageKey, null, false, false);
            this.messageKey = messageKey;
            this.args = args;
        }
    }

    /** The form of a task, parsed (null schema when the task has no form). */
    record TaskForm(FormSchema schema, Map<String, Object> variables) {
    }

    private final InboxQueries inbox;
    private final TaskService taskService;
    private final FormService formService;
    private final HistoryService historyService;
    private final IdentityService identityService;
    private final OrgDirectory directory;
    private final Notifications notifications;
    private final AuditLog audit;
    private final MessageSource messages;

    TaskWork(InboxQueries inbox, TaskService taskService, FormService formService, HistoryService historyService,
             IdentityService identityService, OrgDirectory directory, Notifications notifications, AuditLog audit,
             MessageSource messages) {
        this.inbox = inbox;
        this.taskService = taskService;
        this.formService = formService;
        this.historyService = historyService;
        this.identityService = identityService;
        this.directory = directory;
        this.notifications = notifications;
        this.audit = audit;
        this.messages = messages;
    }

    /** The task if the user may read it; otherwise 404, the same as a task that does not exist. */
    InboxQueries.Row readable(BaoxueUser user, String taskId) {
        return inbox.find(taskId).filter(row -> inbox.canRead(user, row))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /**
     * The task if the user may act on it. A task that is gone but was the user's to do (they could have seen it
     * a moment ago) is a conflict — someone else completed it; any other unknown id is 404.
     */
    InboxQueries.Row actionable(BaoxueUser user, String taskId) {
        Optional<InboxQueries.Row> row = inbox.find(taskId);
        if (row.isEmpty()) {
            if (wasOffered(user, taskId)) {
                throw new Conflict("tasklist.conflict.done");
            }
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (!inbox.canAct(user, row.get())) {
            if (inbox.canRead(user, row.get())) {
                throw new ResponseStatusException(HttpStatus.FORBIDDEN);
            }
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return row.get();
    }

    /** Whether a finished task was assigned to the user or offered to one of their groups. */
    private boolean wasOffered(BaoxueUser user, String taskId) {
        var historic = historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
        if (historic == null) {
            return false;
        }
        if (user.getUsername().equals(historic.getAssignee())) {
            return true;
        }
        List<String> mine = user.candidateGroups();
        return historyService.createHistoricIdentityLinkLogQuery().taskId(taskId).list().stream()
                .anyMatch(l -> l.getGroupId() != null && mine.contains(l.getGroupId()));
    }

    TaskForm form(String taskId) {
        Map<String, Object> variables = new HashMap<>();
        try {
            variables.putAll(taskService.getVariables(taskId));
        } catch (ProcessEngineException e) {
            throw gone(e);
        }
        Task task = taskService.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
        if (task == null) {
            throw new Conflict("tasklist.conflict.done");
        }
        if (task.getCamundaFormRef() == null && task.getFormKey() == null) {
            return new TaskForm(null, variables);
        }
        try (InputStream in = formService.getDeployedTaskForm(taskId)) {
            return new TaskForm(FormSchema.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)), variables);
        } catch (NotFoundException | NullValueException e) {
            return new TaskForm(null, variables);
        } catch (IOException e) {
            throw new IllegalStateException("form of task " + taskId + " unreadable", e);
        }
    }

    /** Validates and, when valid, completes: returns the submission (with its errors when invalid). */
    FormValidator.Submission complete(BaoxueUser user, String taskId, Map<String, ?> submitted) {
        InboxQueries.Row row = actionable(user, taskId);
        if (row.assignee() != null && !row.assignee().equals(user.getUsername())) {
            throw new Conflict("tasklist.conflict.claimed", displayName(row.assignee()));
        }
        TaskForm form = form(taskId);
        FormValidator.Submission submission = form.schema() == null
                ? new FormValidator.Submission(Map.of(), Map.of(), Map.of(), Map.of(), java.util.Set.of())
                : FormValidator.validate(form.schema(), submitted, form.variables());
        if (!submission.valid()) {
            return submission;
        }
        try {
            // claiming first makes the race explicit: of two officials, the second gets TaskAlreadyClaimedException
            if (row.assignee() == null) {
                taskService.claim(taskId, user.getUsername());
            }
            taskService.complete(taskId, submission.variables());
        } catch (TaskAlreadyClaimedException e) {
            throw new Conflict("tasklist.conflict.claimed", displayName(e.getTaskAssignee()));
        } catch (ProcessEngineException e) {
            Optional<MessageSourceResolvable> refusal = refusal(e);
            if (refusal.isPresent()) {
                // a case module's listener refused the submission (e.g. over the quota): nothing was written
                var error = new FormValidator.FieldError(refusal.get().getCodes()[0], refusal.get().getArguments());
                return new FormValidator.Submission(submission.values(), submission.raw(), submission.variables(),
                        Map.of(FORM_LEVEL, error), submission.hidden());
            }
            throw gone(e);
        }
        audit.record(user, "task.complete", "task", taskId, row.businessKey() + " " + row.stepName());
        return submission;
    }

    void claim(BaoxueUser user, String taskId) {
        InboxQueries.Row row = actionable(user, taskId);
        if (user.getUsername().equals(row.assignee())) {
            return;
        }
        try {
            taskService.claim(taskId, user.getUsername());
        } catch (TaskAlreadyClaimedException e) {
            throw new Conflict("tasklist.conflict.claimed", displayName(e.getTaskAssignee()));
        } catch (ProcessEngineException e) {
            throw gone(e);
        }
        audit.record(user, "task.claim", "task", taskId, row.businessKey());
    }

    void unclaim(BaoxueUser user, String taskId) {
        InboxQueries.Row row = actionable(user, taskId);
        if (!user.getUsername().equals(row.assignee())) {
            throw new Conflict("tasklist.conflict.notYours");
        }
        try {
            taskService.setAssignee(taskId, null);
        } catch (ProcessEngineException e) {
            throw gone(e);
        }
        audit.record(user, "task.unclaim", "task", taskId, row.businessKey());
    }

    /** Colleagues of the same unit who could do the task (share one of its groups). */
    List<BaoxueUser> colleagues(BaoxueUser user, InboxQueries.Row row) {
        List<String> groups = inbox.groups(row.taskId());
        return directory.usersOfUnit(user.unit().code()).stream()
                .filter(u -> !u.getUsername().equals(user.getUsername()) && u.isEnabled())
                .filter(u -> u.candidateGroups().stream().anyMatch(groups::contains))
                .toList();
    }

    void handOver(BaoxueUser user, String taskId, String toUsername) {
        InboxQueries.Row row = actionable(user, taskId);
        if (row.assignee() != null && !row.assignee().equals(user.getUsername())) {
            throw new Conflict("tasklist.conflict.claimed", displayName(row.assignee()));
        }
        BaoxueUser to = colleagues(user, row).stream().filter(u -> u.getUsername().equals(toUsername)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST));
        try {
            taskService.setAssignee(taskId, to.getUsername());
        } catch (ProcessEngineException e) {
            throw gone(e);
        }
        String message = messages.getMessage("tasklist.handover.notification",
                new Object[] {user.displayName(), row.stepName(), row.businessKey() == null ? "" : row.businessKey()},
                Locale.SIMPLIFIED_CHINESE);
        notifications.notifyUser(to.getUsername(), "handover", message, "/tasks/" + taskId);
        audit.record(user, "task.handover", "task", taskId, row.businessKey() + " → " + to.getUsername());
    }

    void comment(BaoxueUser user, String taskId, String text) {
        InboxQueries.Row row = actionable(user, taskId);
        try {
            identityService.setAuthenticatedUserId(user.getUsername());
            taskService.createComment(taskId, row.processInstanceId(), text);
        } catch (ProcessEngineException e) {
            throw gone(e);
        } finally {
            identityService.clearAuthentication();
        }
        audit.record(user, "task.comment", "task", taskId, row.businessKey());
    }

    String displayName(String username) {
        if (username == null) {
            return "";
        }
        return directory.user(username).map(BaoxueUser::displayName).orElse(username);
    }

    /** The key under which a refusal of the whole submission, not of one field, is reported. */
    static final String FORM_LEVEL = "_form";

    /**
     * A refusal a case module's task listener raised with a message the user can read: the task list does not know
     * the case modules, only that their refusals are {@link MessageSourceResolvable}.
     */
    private static Optional<MessageSourceResolvable> refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MessageSourceResolvable resolvable && resolvable.getCodes() != null && resolvable.getCodes().length > 0) {
                return Optional.of(resolvable);
            }
        }
        return Optional.empty();
    }

    /** A task that vanished under us (completed, deleted) or changed meanwhile: a conflict, not an error page. */
    private static RuntimeException gone(ProcessEngineException e) {
        if (e instanceof OptimisticLockingException || e instanceof NotFoundException || e instanceof NullValueException
                || (e.getMessage() != null && (e.getMessage().contains("Cannot find task") || e.getMessage().contains("task is null")))) {
            return new Conflict("tasklist.conflict.done");
        }
        return e;
    }
}
