package org.baoxue.org;

import java.util.List;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.util.StringUtils;

/**
 * The {@code postgres} profile refuses to start without its database and first administrator, naming what is
 * missing, before any bean — the data source first of all — is created.
 */
@Configuration
class RequiredSettings {

    private static final List<String[]> POSTGRES = List.of(
            new String[] {"spring.datasource.url", "BAOXUE_DB_URL"},
            new String[] {"spring.datasource.username", "BAOXUE_DB_USER"},
            new String[] {"spring.datasource.password", "BAOXUE_DB_PASSWORD"},
            new String[] {"baoxue.first-admin.username", "BAOXUE_ADMIN_USER"},
            new String[] {"baoxue.first-admin.password", "BAOXUE_ADMIN_PASSWORD"});

    @Bean
    static BeanFactoryPostProcessor postgresSettingsCheck() {
        return new Check();
    }

    static final class Check implements BeanFactoryPostProcessor, EnvironmentAware {
        private Environment environment;

        @Override
        public void setEnvironment(Environment environment) {
            this.environment = environment;
        }

        @Override
        public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
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
}
