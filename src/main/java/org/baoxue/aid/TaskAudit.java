package org.baoxue.aid;

import java.util.Optional;

import org.baoxue.org.AuditLog;
import org.baoxue.org.BaoxueUser;
import org.baoxue.org.OrgDirectory;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Audit entries for task completions: the user is the engine's authenticated user if the caller set one, else the
 * task's assignee. (Completions through the aid API are audited there as well.)
 */
@Component
class TaskAudit {

    private final AuditLog audit;
    private final OrgDirectory org;
    private final IdentityService identity;

    TaskAudit(AuditLog audit, OrgDirectory org, IdentityService identity) {
        this.audit = audit;
        this.org = org;
        this.identity = identity;
    }

    void completed(DelegateTask task, String action, String caseNumber, String detail) {
        who(task).ifPresent(u -> audit.record(u, action, "aid_case", caseNumber, detail));
    }

    Optional<BaoxueUser> who(DelegateTask task) {
        var auth = identity.getCurrentAuthentication();
        String username = auth != null ? auth.getUserId() : task.getAssignee();
        return username == null ? Optional.empty() : org.user(username);
    }

    String username(DelegateTask task) {
        return who(task).map(BaoxueUser::getUsername).orElse(task.getAssignee() == null ? "system" : task.getAssignee());
    }
}
