package org.baoxue.calendar;

import java.time.ZoneId;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Installs the working-day calendar as the engine's business calendar for due dates and timer durations. */
@Component
class CalendarEnginePlugin implements ProcessEnginePlugin {

    private final WorkingCalendar calendar;
    private final ZoneId zone;

    CalendarEnginePlugin(WorkingCalendar calendar, @Value("${baoxue.time-zone:Asia/Shanghai}") String zone) {
        this.calendar = calendar;
        this.zone = ZoneId.of(zone);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        MapBusinessCalendarManager calendars = new MapBusinessCalendarManager();
        calendars.addBusinessCalendar(DueDateBusinessCalendar.NAME,
                new WorkingDaysBusinessCalendar(calendar, new DueDateBusinessCalendar(), zone));
        calendars.addBusinessCalendar(DurationBusinessCalendar.NAME,
                new WorkingDaysBusinessCalendar(calendar, new DurationBusinessCalendar(), zone));
        calendars.addBusinessCalendar(CycleBusinessCalendar.NAME, new CycleBusinessCalendar());
        configuration.setBusinessCalendarManager(calendars);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
    }
}
