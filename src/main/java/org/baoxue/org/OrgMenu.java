package org.baoxue.org;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class OrgMenu {

    @Bean
    MenuEntry camundaTasklistEntry() {
        Set<Role> officials = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (role.isOfficial()) {
                officials.add(role);
            }
        }
        officials.add(Role.ADMIN);
        return new MenuEntry("menu.camunda.tasklist", "/camunda/app/tasklist/default/", 900, officials);
    }

    @Bean
    MenuEntry camundaCockpitEntry() {
        return new MenuEntry("menu.camunda.cockpit", "/camunda/app/cockpit/default/", 910, Set.of(Role.ADMIN));
    }

    @Bean
    MenuEntry camundaAdminEntry() {
        return new MenuEntry("menu.camunda.admin", "/camunda/app/admin/default/", 920, Set.of(Role.ADMIN));
    }
}
