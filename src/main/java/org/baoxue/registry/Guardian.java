package org.baoxue.registry;

/** A pupil's guardian; {@code relation} is FATHER, MOTHER, GRANDPARENT or OTHER. */
public record Guardian(long id, long pupilId, String name, String relation, String phone, String idNumber) {

    public String maskedPhone() {
        return phone == null || phone.length() < 7 ? phone : phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }
}
