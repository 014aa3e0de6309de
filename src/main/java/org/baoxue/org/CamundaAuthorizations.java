package org.baoxue.org;

import java.util.Arrays;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Grants, per role, what Camunda's own apps and REST API may show: officials use Camunda's Tasklist and see the
 * tasks of their groups (the engine grants candidate groups their tasks); modelers deploy and read definitions;
 * administrators are engine administrators with every permission. Supervisors get nothing here: they use Baoxue's scoped views.
 */
@Component
class CamundaAuthorizations {

    static final String OFFICIALS_FILTER = "我的任务";

    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;

    CamundaAuthorizations(AuthorizationService authorizations, FilterService filters, TaskService tasks) {
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void grant() {
        String filterId = officialsFilter();
        for (Role role : Role.values()) {
            if (role.isOfficial()) {
                grant(role, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
                grant(role, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
                grant(role, Resources.FILTER, filterId, Permissions.READ);
            }
        }
        grant(Role.MODELER, Resources.DEPLOYMENT, "*", Permissions.CREATE, Permissions.READ);
        grant(Role.MODELER, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
        grant(Role.MODELER, Resources.DECISION_DEFINITION, "*", Permissions.READ);
        grant(Role.MODELER, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ);
        // engine administrators pass command checks, but queries still join the authorization table:
        // like Camunda's own first admin, the admin role gets every permission on every resource
        for (Resources resource : Resources.values()) {
            grant(Role.ADMIN, resource, "*", Permissions.ALL);
        }
    }

    /** Camunda's Tasklist lists tasks through filters; this one shows every task the user may see. */
    private String officialsFilter() {
        Filter existing = filters.createFilterQuery().filterName(OFFICIALS_FILTER).singleResult();
        if (existing != null) {
            return existing.getId();
        }
        Filter filter = filters.newTaskFilter(OFFICIALS_FILTER).setQuery(tasks.createTaskQuery());
        filters.saveFilter(filter);
        return filter.getId();
    }

    private void grant(Role role, Resource resource, String resourceId, Permission... permissions) {
        boolean present = authorizations.createAuthorizationQuery().groupIdIn(role.key())
                .resourceType(resource).resourceId(resourceId).count() > 0;
        if (present) {
            return;
        }
        Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setGroupId(role.key());
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        Arrays.stream(permissions).forEach(authorization::addPermission);
        authorizations.saveAuthorization(authorization);
    }
}
