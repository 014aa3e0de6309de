package org.baoxue.org;

import java.time.Duration;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * One sign-in for Baoxue and Camunda's webapps. People sign in with a form (session); machines and Camunda
 * Modeler call {@code /engine-rest} with HTTP Basic, without a session, so a browser's cookie never authorises a
 * REST call. Camunda's webapps and REST API learn the signed-in user from the servlet request's principal.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(OrgDirectory directory) {
        return username -> directory.user(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    @Bean
    AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        return new ProviderManager(new ThrottledAuthenticationProvider(passwords, throttle));
    }

    @Bean
    @Order(1)
    SecurityFilterChain engineRest(HttpSecurity http, AuthenticationManager authenticationManager) throws Exception {
        return http.securityMatcher(new AntPathRequestMatcher("/engine-rest/**"))
                .authenticationManager(authenticationManager)
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(b -> b.realmName("Baoxue"))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable()) // no session, no cookie: nothing for a forged request to ride on
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, AuthenticationManager authenticationManager) throws Exception {
        var camunda = new OrRequestMatcher(new AntPathRequestMatcher("/camunda/**"), new AntPathRequestMatcher("/engine-rest/**"));
        http.authenticationManager(authenticationManager)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .requestMatchers(ant("/camunda/api/admin/auth/**")).authenticated()
                        .requestMatchers(ant("/camunda/app/cockpit/**"), ant("/camunda/api/cockpit/**"),
                                ant("/camunda/app/admin/**"), ant("/camunda/api/admin/**")).hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false)
                        .failureHandler((request, response, exception) -> {
                            String target = exception instanceof ThrottledAuthenticationProvider.LoginThrottledException t
                                    ? "/login?throttled=" + t.minutes() : "/login?error";
                            response.sendRedirect(request.getContextPath() + target);
                        }))
                .httpBasic(b -> b.realmName("Baoxue"))
                .logout(l -> l.logoutRequestMatcher(new OrRequestMatcher(
                                new AntPathRequestMatcher("/logout", HttpMethod.POST.name()),
                                // Camunda's own sign-out button signs out of Baoxue too
                                new AntPathRequestMatcher("/camunda/api/admin/auth/user/*/logout", HttpMethod.POST.name())))
                        .logoutSuccessUrl("/login?logout").deleteCookies("JSESSIONID"))
                // Camunda's webapps bring their own CSRF filter and cookie (see STACK-NOTES)
                .csrf(c -> c.ignoringRequestMatchers(ant("/camunda/api/**")))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .headers(h -> h
                        // Camunda's webapps send their own content security policy
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(camunda),
                                new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .httpStrictTransportSecurity(s -> s.maxAgeInSeconds(Duration.ofDays(365).toSeconds()))
                        .frameOptions(f -> f.deny()));
        return http.build();
    }

    /** Camunda's webapps and REST API are servlets of their own, not Spring MVC: match their paths as plain paths. */
    private static AntPathRequestMatcher ant(String pattern) {
        return new AntPathRequestMatcher(pattern);
    }

    /** Camunda's Cockpit, Tasklist and Admin take the user Spring Security signed in. */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappSignIn() {
        var registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setName("camunda-container-authentication");
        registration.addInitParameter("authentication-provider", ContainerBasedAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        return registration;
    }

    /** The REST API knows the caller, so the engine applies the caller's authorizations. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> camundaRestSignIn() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-rest-authentication");
        registration.addInitParameter("authentication-provider", ContainerBasedAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }
}
