package org.baoxue.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.baoxue.BaoxueTest;
import org.baoxue.org.OrgDirectory;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@BaoxueTest
class CalendarPageTest {

    @Autowired MockMvc mvc;
    @Autowired OrgDirectory directory;
    @Autowired WorkingCalendar calendar;

    @Test
    void anAdministratorEntersAHolidayAndDeadlinesFollowIt() throws Exception {
        var admin = directory.user("admin").orElseThrow();
        LocalDate monday = LocalDate.of(2035, 1, 1);
        assertThat(calendar.isWorkingDay(monday)).isTrue();
        mvc.perform(post("/calendar").with(user(admin)).with(csrf())
                        .param("date", "2035-01-01").param("kind", "HOLIDAY").param("name", "元旦"))
                .andExpect(status().is3xxRedirection());
        assertThat(calendar.isWorkingDay(monday)).isFalse();
        mvc.perform(get("/calendar").param("year", "2035").with(user(admin)))
                .andExpect(content().string(Matchers.containsString("元旦")));
        mvc.perform(post("/calendar/remove").with(user(admin)).with(csrf()).param("date", "2035-01-01"))
                .andExpect(status().is3xxRedirection());
        assertThat(calendar.isWorkingDay(monday)).isTrue();
    }

    @Test
    void badInputIsRefusedWithAMessageAndChangesNothing() throws Exception {
        var admin = directory.user("admin").orElseThrow();
        mvc.perform(post("/calendar").with(user(admin)).with(csrf()).param("date", "2035-13-40").param("kind", "HOLIDAY"))
                .andExpect(flash().attribute("error", "calendar.error.input"));
        mvc.perform(post("/calendar").with(user(admin)).with(csrf()).param("date", "2035-01-03").param("kind", "WORKDAY"))
                .andExpect(flash().attribute("error", "calendar.error.workdayOnWeekday"));
        assertThat(calendar.specialDays(2035)).isEmpty();
    }

    @Test
    void onlyAdministratorsManageTheCalendarAndTheyAreToldWhenAYearIsMissing() throws Exception {
        mvc.perform(get("/calendar").with(user(directory.user("teacher").orElseThrow()))).andExpect(status().isForbidden());
        var admin = directory.user("admin").orElseThrow();
        int nextYear = LocalDate.now().getYear() + 1;
        if (calendar.missingYears(LocalDate.now()).contains(nextYear)) {
            mvc.perform(get("/").with(user(admin)))
                    .andExpect(content().string(Matchers.containsString(nextYear + " 年的节假日安排尚未录入")));
        }
    }
}
