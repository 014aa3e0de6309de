package org.baoxue.registry;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/** The 18-digit resident identity number of GB 11643: region, birth date, sequence, ISO 7064 MOD 11-2 check. */
public final class IdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final java.util.regex.Pattern FORM = java.util.regex.Pattern.compile("\\d{17}[\\dX]");
    private static final java.util.regex.Pattern REGION = java.util.regex.Pattern.compile("[1-8]\\d{5}");
    /** The province-level codes of GB/T 2260 (the first two digits of every region code). */
    private static final java.util.Set<String> PROVINCES = java.util.Set.of("11", "12", "13", "14", "15", "21", "22", "23",
            "31", "32", "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54",
            "61", "62", "63", "64", "65", "71", "81", "82", "83");
    private static final DateTimeFormatter BIRTH = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    private IdNumbers() {
    }

    /** The check character the first 17 digits call for. */
    public static char checkDigit(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** Why the number is not valid, or empty when it is: its form, its region, its birth date, its check digit. */
    public static Optional<String> problem(String id) {
        if (id == null || !FORM.matcher(id).matches()) {
            return Optional.of("registry.id.format");
        }
        if (!REGION.matcher(id).region(0, 6).matches() || !PROVINCES.contains(id.substring(0, 2)) || id.startsWith("000", 2)) {
            return Optional.of("registry.id.region");
        }
        if (birthDate(id).isEmpty()) {
            return Optional.of("registry.id.birthDate");
        }
        if (checkDigit(id.substring(0, 17)) != id.charAt(17)) {
            return Optional.of("registry.id.checksum");
        }
        return Optional.empty();
    }

    public static boolean isValid(String id) {
        return problem(id).isEmpty();
    }

    public static Optional<LocalDate> birthDate(String id) {
        if (id == null || id.length() != 18) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.parse(id.substring(6, 14), BIRTH);
            return date.getYear() < 1900 || date.isAfter(LocalDate.now()) ? Optional.empty() : Optional.of(date);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Gender from the sequence's last digit: odd male, even female. */
    public static String gender(String id) {
        return (id.charAt(16) - '0') % 2 == 1 ? "M" : "F";
    }

    /** {@code 370923********1234}: region and last four kept, the birth date and sequence hidden. */
    public static String mask(String id) {
        if (id == null || id.isEmpty()) {
            return "";
        }
        if (id.length() < 10) {
            return "*".repeat(id.length());
        }
        return id.substring(0, 6) + "*".repeat(id.length() - 10) + id.substring(id.length() - 4);
    }

    /** A national student number (G + the ID number) with its ID part masked; any other number as it is. */
    public static String maskStudentNumber(String studentNumber) {
        if (studentNumber != null && studentNumber.matches("[A-Za-z]?\\d{17}[\\dXx]")) {
            String id = studentNumber.substring(studentNumber.length() - 18);
            return studentNumber.substring(0, studentNumber.length() - 18) + mask(id);
        }
        return studentNumber;
    }
}
