package org.baoxue.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;

import org.baoxue.BaoxueTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

@BaoxueTest
class SignInTest {

    @Autowired MockMvc mvc;
    @Autowired OrgDirectory directory;
    @Autowired OrgWriter writer;
    @Autowired PasswordEncoder encoder;

    @Test
    void signsInWithTheRightPasswordAndNotWithAWrongOne() throws Exception {
        mvc.perform(formLogin().user("teacher").password(DemoOrganisation.DEMO_PASSWORD))
                .andExpect(authenticated().withUsername("teacher"))
                .andExpect(redirectedUrl("/"));
        mvc.perform(formLogin().user("leader").password("wrong-password"))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin().user("nobody").password("whatever"))
                .andExpect(unauthenticated());
    }

    @Test
    void repeatedFailuresLockTheAccountEvenForTheRightPassword() throws Exception {
        writer.addUser("throttled-teacher", "测试", encoder.encode("Right-Password-1"), "3137001001", Set.of(Role.CLASS_TEACHER));
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin().user("throttled-teacher").password("wrong-" + i)).andExpect(unauthenticated());
        }
        mvc.perform(formLogin().user("throttled-teacher").password("Right-Password-1"))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?throttled=15"));
        // the other accounts are not affected
        mvc.perform(formLogin().user("leader").password(DemoOrganisation.DEMO_PASSWORD)).andExpect(authenticated());
    }

    @Test
    void theLoginPageSpeaksChineseFirstAndEnglishOnRequest() throws Exception {
        mvc.perform(get("/login").accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("用户名")));
        mvc.perform(get("/login").param("lang", "en").accept(MediaType.TEXT_HTML))
                .andExpect(content().string(Matchers.containsString("User name")));
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() throws Exception {
        var teacher = directory.user("teacher").orElseThrow();
        mvc.perform(post("/notifications/read-all").with(user(teacher))).andExpect(status().isForbidden());
        mvc.perform(post("/notifications/read-all").with(user(teacher)).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/login").param("username", "teacher").param("password", DemoOrganisation.DEMO_PASSWORD))
                .andExpect(status().isForbidden());
    }

    @Test
    void anonymousBrowsersAreSentToTheLoginPageAndMachinesGet401() throws Exception {
        mvc.perform(get("/").accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("http://localhost/login"));
        mvc.perform(get("/").accept(MediaType.APPLICATION_JSON)).andExpect(status().isUnauthorized());
    }

    @Test
    void theHomePageShowsWhoTheUserIsAndWhatTheirRolesOpen() throws Exception {
        var admin = directory.user("admin").orElseThrow();
        mvc.perform(get("/").with(user(admin)).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("泰安市教育局")))
                .andExpect(content().string(Matchers.containsString("系统管理员")))
                .andExpect(content().string(Matchers.containsString("/camunda/app/cockpit/default/")));
        var teacher = directory.user("teacher").orElseThrow();
        String page = mvc.perform(get("/").with(user(teacher)).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("班主任").contains("东平县老湖镇中心小学").doesNotContain("/camunda/app/cockpit/");
    }

    @Test
    void pagesCarryTheSecurityHeaders() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("Content-Security-Policy", Matchers.containsString("script-src 'self'")))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void actuatorHealthIsPublicAndMetricsAreNot() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").with(user(directory.user("teacher").orElseThrow()))).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").with(user(directory.user("admin").orElseThrow())))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("jvm_memory_used_bytes")));
    }
}
