package org.baoxue.org;

import java.util.EnumSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fictional townships, villages, schools and officials in 东平县 and 宁阳县, loaded once on the embedded
 * database so that every role can be tried at once. Names of people are invented.
 */
@Component
@ConditionalOnProperty(name = "baoxue.demo-data", havingValue = "true")
class DemoOrganisation {

    /** The password of every demo login, as the README says. */
    static final String DEMO_PASSWORD = "Baoxue2026";

    private static final Logger log = LoggerFactory.getLogger(DemoOrganisation.class);

    private final OrgWriter writer;
    private final OrgDirectory directory;
    private final PasswordEncoder encoder;
    private String hash;

    DemoOrganisation(OrgWriter writer, OrgDirectory directory, PasswordEncoder encoder) {
        this.writer = writer;
        this.directory = directory;
        this.encoder = encoder;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    @Transactional
    public void load() {
        if (directory.unit("370923101").isPresent()) {
            return;
        }
        hash = encoder.encode(DEMO_PASSWORD); // one hash for all: bcrypt is slow on purpose

        township("370923", "370923101", "老湖镇", new String[][] {{"370923101201", "前埠子村"}, {"370923101202", "姜庄村"}});
        township("370923", "370923102", "银山镇", new String[][] {{"370923102201", "耿山口村"}, {"370923102202", "昆山村"}});
        township("370921", "370921101", "泗店镇", new String[][] {{"370921101201", "东故城村"}});
        school("3137001001", "东平县老湖镇中心小学", "370923101");
        school("3137001002", "东平县老湖镇初级中学", "370923101");
        school("3137001003", "东平县银山镇中心小学", "370923102");
        school("3137002001", "宁阳县泗店镇中心小学", "370921101");

        user("teacher", "王丽", "3137001001", Role.CLASS_TEACHER);
        user("leader", "张建国", "3137001001", Role.SCHOOL_LEADER);
        user("schoolaid", "李敏", "3137001001", Role.SCHOOL_AID);
        user("teacher2", "赵磊", "3137001002", Role.CLASS_TEACHER);
        user("leader2", "刘洋", "3137001002", Role.SCHOOL_LEADER);
        user("schoolaid2", "陈静", "3137001002", Role.SCHOOL_AID);
        user("teacher3", "孙悦", "3137001003", Role.CLASS_TEACHER);
        user("leader3", "周强", "3137001003", Role.SCHOOL_LEADER);
        user("schoolaid3", "吴芳", "3137001003", Role.SCHOOL_AID);
        user("teacher-ny", "郑华", "3137002001", Role.CLASS_TEACHER);
        user("leader-ny", "冯涛", "3137002001", Role.SCHOOL_LEADER);
        user("cadre", "马德水", "V370923101201", Role.VILLAGE_CADRE);
        user("cadre2", "朱红梅", "V370923102201", Role.VILLAGE_CADRE);
        user("township", "胡志远", "G370923101", Role.TOWNSHIP_OFFICIAL);
        user("township2", "郭海", "G370923102", Role.TOWNSHIP_OFFICIAL);
        user("township-ny", "何平", "G370921101", Role.TOWNSHIP_OFFICIAL);
        user("townedu", "高燕", "E370923101", Role.TOWNSHIP_EDU);
        user("townedu2", "林峰", "E370923102", Role.TOWNSHIP_EDU);
        user("countyedu", "罗文", "E370923", Role.COUNTY_EDU);
        user("countyaid", "梁晓", "A370923", Role.COUNTY_AID);
        user("finance", "宋金", "F370923", Role.FINANCE);
        user("supervisor", "谢明", "E370923", Role.SUPERVISOR);
        user("countyedu-ny", "韩东", "E370921", Role.COUNTY_EDU);
        user("citysupervisor", "唐宁", "E370900", Role.SUPERVISOR);
        user("modeler", "许诺", "E370900", Role.MODELER);
        user("admin", "邓超然", "E370900", Role.ADMIN);
        log.info("Loaded the demo organisation; every demo login's password is in the README");
    }

    private void township(String county, String code, String name, String[][] villages) {
        writer.addUnit(code, name, UnitKind.TOWNSHIP, county);
        writer.addUnit("G" + code, name + "人民政府", UnitKind.TOWNSHIP_GOVERNMENT, code);
        writer.addUnit("E" + code, name + "教育办公室", UnitKind.TOWNSHIP_EDU_OFFICE, code);
        for (String[] village : villages) {
            writer.addUnit(village[0], village[1], UnitKind.VILLAGE, code);
            writer.addUnit("V" + village[0], village[1] + "村民委员会", UnitKind.VILLAGE_COMMITTEE, village[0]);
        }
    }

    private void school(String code, String name, String township) {
        writer.addUnit(code, name, UnitKind.SCHOOL, township);
    }

    private void user(String username, String name, String unit, Role first, Role... more) {
        Set<Role> roles = EnumSet.of(first, more);
        writer.addUser(username, name, hash, unit, roles);
    }
}
