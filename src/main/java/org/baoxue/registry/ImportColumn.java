package org.baoxue.registry;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The columns of a pupil list: the Chinese header first, then the aliases that are accepted too. */
enum ImportColumn {
    STUDENT_NUMBER(true, "学籍号", "全国学籍号", "学籍编号", "student number", "studentnumber"),
    NAME(true, "姓名", "学生姓名", "name"),
    ID_NUMBER(true, "身份证号", "身份证号码", "身份证件号", "id number", "idnumber"),
    SCHOOL_CODE(true, "学校代码", "学校标识码", "school code", "schoolcode"),
    GRADE(false, "年级", "grade"),
    CLASS_NAME(false, "班级", "class", "classname"),
    BOARDING(false, "是否寄宿", "寄宿", "boarding"),
    VILLAGE_CODE(false, "户籍村代码", "村代码", "village code", "villagecode"),
    GUARDIAN_NAME(false, "监护人姓名", "监护人", "guardian name", "guardianname", "guardian"),
    GUARDIAN_RELATION(false, "监护人关系", "与学生关系", "guardian relation", "guardianrelation", "relation"),
    GUARDIAN_PHONE(false, "监护人电话", "联系电话", "guardian phone", "guardianphone", "phone"),
    HARDSHIP(false, "困难类别", "困难类型", "hardship", "hardships"),
    BIRTH_DATE(false, "出生日期", "birth date", "birthdate");

    private final boolean required;
    private final List<String> names;

    ImportColumn(boolean required, String... names) {
        this.required = required;
        this.names = List.of(names);
    }

    public boolean required() {
        return required;
    }

    public String header() {
        return names.get(0);
    }

    static Optional<ImportColumn> of(String header) {
        String h = normalise(header);
        for (ImportColumn column : values()) {
            for (String name : column.names) {
                if (normalise(name).equals(h)) {
                    return Optional.of(column);
                }
            }
        }
        return Optional.empty();
    }

    /** Headers often carry a '*' for required, full-width brackets or stray spaces and underscores. */
    private static String normalise(String s) {
        return s == null ? "" : s.replaceAll("[\\s_*＊()（）\\-]", "").toLowerCase(Locale.ROOT);
    }
}
