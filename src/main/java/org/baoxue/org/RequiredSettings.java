package org.baoxue.org;

import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;
import org.springframework.util.StringUtils;

/**
 * The {@code postgres} profile refuses to start without its database and first administrator, naming what is
 * missing, before anything tries to connect.
 */
class RequiredSettings implements EnvironmentPostProcessor {

    private static final List<String[]> POSTGRES = List.of(
            new String[] {"spring.datasource.url", "BAOXUE_DB_URL"},
            new String[] {"spring.datasource.username", "BAOXUE_DB_USER"},
            new String[] {"spring.datasource.password", "BAOXUE_DB_PASSWORD"},
            new String[] {"baoxue.first-admin.username", "BAOXUE_ADMIN_USER"},
            new String[] {"baoxue.first-admin.password", "BAOXUE_ADMIN_PASSWORD"});

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.acceptsProfiles(Profiles.of("postgres"))) {
            return;
        }
        List<String> missing = POSTGRES.stream()
                .filter(p -> !StringUtils.hasText(environment.getProperty(p[0])))
                .map(p -> p[1]).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The postgres profile needs these environment variables: " + String.join(", ", missing));
        }
    }
}
