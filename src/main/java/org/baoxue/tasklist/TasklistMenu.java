package org.baoxue.tasklist;

import java.util.EnumSet;
import java.util.Set;

import org.baoxue.org.MenuEntry;
import org.baoxue.org.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class TasklistMenu {

    /** "我的任务", first for every official, and for supervisors (read-only view of their jurisdiction's tasks). */
    @Bean
    MenuEntry tasklistEntry() {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (role.isOfficial()) {
                roles.add(role);
            }
        }
        roles.add(Role.SUPERVISOR);
        return new MenuEntry("tasklist.menu", "/tasks", 1, roles);
    }
}
