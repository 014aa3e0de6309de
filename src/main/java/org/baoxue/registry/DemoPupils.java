package org.baoxue.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.baoxue.org.OrgDirectory;
import org.baoxue.org.Unit;
import org.baoxue.org.UnitKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A few hundred fictional pupils across the demo schools, with households and hardship mixes like a rural county's:
 * most households without a registered hardship, some registered poor, some on subsistence allowance, a few orphans
 * and children with disabilities, many left behind. Names are drawn at random from common characters; ID numbers are
 * valid in form and check digit but belong to no one (sequence numbers 900-999 are not issued to real people here).
 */
@Component
@ConditionalOnProperty(name = "baoxue.demo-data", havingValue = "true")
class DemoPupils {

    private static final Logger log = LoggerFactory.getLogger(DemoPupils.class);
    private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段";
    private static final String GIVEN = "子涵欣怡梓萱诗琪一诺雨桐若汐浩然宇轩子墨俊杰思远博文嘉怡明轩梓豪晨阳佳琪心怡雨泽天佑紫涵语嫣晓东建华丽娟志强春燕海波";

    private final JdbcClient jdbc;
    private final OrgDirectory org;

    DemoPupils(JdbcClient jdbc, OrgDirectory org) {
        this.jdbc = jdbc;
        this.org = org;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(2)
    @Transactional
    public void load() {
        if (jdbc.sql("select count(*) from pupil").query(Integer.class).single() > 0) {
            return;
        }
        Random random = new Random(2026);
        int sequence = 900;
        int count = 0;
        String[][] schools = {{"3137001001", "370923101", "1"}, {"3137001002", "370923101", "7"},
                {"3137001003", "370923102", "1"}, {"3137002001", "370921101", "1"}};
        for (String[] s : schools) {
            Unit school = org.unit(s[0]).orElseThrow();
            List<Unit> villages = org.children(s[1]).stream().filter(u -> u.kind() == UnitKind.VILLAGE).toList();
            int firstGrade = Integer.parseInt(s[2]);
            int pupils = firstGrade == 7 ? 60 : 80;
            for (int i = 0; i < pupils; i++) {
                Unit village = villages.get(random.nextInt(villages.size()));
                int grade = firstGrade + random.nextInt(firstGrade == 7 ? 3 : 6);
                LocalDate birth = LocalDate.of(LocalDate.now().getYear() - 6 - grade, 1 + random.nextInt(12), 1 + random.nextInt(28));
                String id = idNumber(school.countyCode(), birth, sequence++ % 1000, random);
                String surname = String.valueOf(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
                String name = surname + GIVEN.charAt(random.nextInt(GIVEN.length()))
                        + (random.nextBoolean() ? String.valueOf(GIVEN.charAt(random.nextInt(GIVEN.length()))) : "");
                long household = household(surname, village, random);
                long pupil = insertPupil(id, name, birth, school, village, grade, random);
                guardians(pupil, surname, random);
                jdbc.sql("insert into enrolment (pupil_id, semester, school_code, grade, class_name) values (?,?,?,?,?)")
                        .params(pupil, Semesters.current(LocalDate.now()), school.code(), grade, grade + "年级" + (1 + i % 2) + "班").update();
                // the semester before, for the enrolment history (not for a stage's first grade: that was another school)
                String current = Semesters.current(LocalDate.now());
                int previousGrade = Semesters.startsSchoolYear(current) ? grade - 1 : grade;
                if (previousGrade >= firstGrade) {
                    jdbc.sql("insert into enrolment (pupil_id, semester, school_code, grade, class_name) values (?,?,?,?,?)")
                            .params(pupil, Semesters.previous(current), school.code(), previousGrade,
                                    previousGrade + "年级" + (1 + i % 2) + "班").update();
                }
                jdbc.sql("update pupil set household_id = ? where id = ?").params(household, pupil).update();
                count++;
            }
        }
        log.info("Loaded {} demo pupils", count);
    }

    private long household(String surname, Unit village, Random random) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into household (head_name, address, county_code, township_code, village_code) values (?,?,?,?,?)")
                .params(surname + "某", village.name() + (1 + random.nextInt(200)) + "号", village.countyCode(),
                        village.townshipCode(), village.code())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        for (Hardship h : hardships(random)) {
            jdbc.sql("insert into household_hardship (household_id, category, since) values (?,?,?)")
                    .params(id, h.name(), LocalDate.now().minusYears(1 + random.nextInt(4)).withDayOfYear(1)).update();
        }
        return id;
    }

    private static Set<Hardship> hardships(Random random) {
        Set<Hardship> set = EnumSet.noneOf(Hardship.class);
        int roll = random.nextInt(100);
        if (roll < 12) set.add(Hardship.POVERTY_REGISTERED);
        if (roll >= 8 && roll < 18) set.add(Hardship.SUBSISTENCE);
        if (roll >= 18 && roll < 20) set.add(Hardship.EXTREME_POVERTY);
        if (roll >= 20 && roll < 22) set.add(Hardship.ORPHAN);
        if (roll >= 22 && roll < 25) set.add(Hardship.DISABILITY);
        if (random.nextInt(100) < 25) set.add(Hardship.LEFT_BEHIND);
        if (set.contains(Hardship.ORPHAN) && random.nextBoolean()) set.add(Hardship.UNATTENDED);
        if (random.nextInt(100) < 3) set.add(Hardship.SERIOUS_ILLNESS);
        return set;
    }

    private long insertPupil(String id, String name, LocalDate birth, Unit school, Unit village, int grade, Random random) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into pupil (student_number, name, id_number, gender, birth_date, school_code, county_code,
                                   township_code, village_code, grade, class_name, boarding, status)
                values (?,?,?,?,?,?,?,?,?,?,?,?, 'ENROLLED')""")
                .params("G" + id, name, id, IdNumbers.gender(id), birth, school.code(), school.countyCode(),
                        school.townshipCode(), village.code(), grade, grade + "年级" + (1 + random.nextInt(2)) + "班",
                        grade >= 4 && random.nextInt(100) < 35)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private void guardians(long pupil, String surname, Random random) {
        List<String[]> guardians = new ArrayList<>();
        guardians.add(new String[] {surname + "建" + "国强军伟".charAt(random.nextInt(4)), "FATHER"});
        if (random.nextInt(100) < 60) {
            guardians.add(new String[] {"张李王刘陈".charAt(random.nextInt(5)) + "秀" + "英兰芳".charAt(random.nextInt(3)), "MOTHER"});
        }
        for (String[] g : guardians) {
            jdbc.sql("insert into guardian (pupil_id, name, relation, phone) values (?,?,?,?)")
                    .params(pupil, g[0], g[1], "13" + (500000000 + random.nextInt(499999999))).update();
        }
    }

    /** A fictional but well-formed ID number; the sequence range 900-999 keeps it apart from real ones. */
    static String idNumber(String region, LocalDate birth, int sequence, Random random) {
        int seq = 900 + (sequence % 100);
        String first17 = region + birth.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + seq
                + random.nextInt(10);
        first17 = first17.substring(0, 17);
        return first17 + IdNumbers.checkDigit(first17);
    }
}
