package org.baoxue.registry;

/** Hardship categories of a household, as the education and civil-affairs ledgers name them. */
public enum Hardship {
    POVERTY_REGISTERED, // 建档立卡 / 脱贫监测
    SUBSISTENCE,        // 低保
    EXTREME_POVERTY,    // 特困供养
    ORPHAN,             // 孤儿
    DISABILITY,         // 残疾
    LEFT_BEHIND,        // 留守儿童
    UNATTENDED,         // 事实无人抚养
    MARTYR,             // 烈士子女
    DISASTER,           // 受灾
    SERIOUS_ILLNESS;    // 大病

    public String messageKey() {
        return "registry.hardship." + name();
    }
}
