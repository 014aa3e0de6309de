package org.baoxue.org;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** A new installation's first administrator, at the city education bureau, from the environment. */
@Component
class FirstAdministrator {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    @ConfigurationProperties("baoxue.first-admin")
    record Settings(String username, String password, String displayName) {
    }

    private final Settings settings;
    private final OrgWriter writer;
    private final PasswordEncoder encoder;

    FirstAdministrator(Settings settings, OrgWriter writer, PasswordEncoder encoder) {
        this.settings = settings;
        this.writer = writer;
        this.encoder = encoder;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void createIfMissing() {
        if (!StringUtils.hasText(settings.username()) || writer.hasUser(settings.username())) {
            return;
        }
        PasswordPolicy.check(settings.password());
        String name = StringUtils.hasText(settings.displayName()) ? settings.displayName() : settings.username();
        writer.addUser(settings.username(), name, encoder.encode(settings.password()), "E370900", Set.of(Role.ADMIN));
        log.info("Created the first administrator '{}'", settings.username());
    }
}
