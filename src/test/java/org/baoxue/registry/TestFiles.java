package org.baoxue.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Builds real upload files (xlsx, xls, CSV in any charset) and fictional but well-formed ID numbers for tests. */
final class TestFiles {

    static final String[] HEADER = {"学籍号", "姓名", "身份证号", "学校代码", "年级", "班级", "是否寄宿", "户籍村代码",
            "监护人姓名", "监护人关系", "监护人电话", "困难类别"};

    /** Sequence numbers 900-999 with a per-JVM counter: unique across the tests of one run. */
    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 100_000));

    private TestFiles() {
    }

    /** A fresh valid ID number of the region, born on the day. */
    static String idNumber(String region, LocalDate birth) {
        int n = NEXT.incrementAndGet();
        LocalDate day = birth.plusDays((n / 100) % 3000);
        String first17 = region + day.format(DateTimeFormatter.BASIC_ISO_DATE) + (900 + n % 100);
        return first17 + IdNumbers.checkDigit(first17);
    }

    static String idNumber() {
        return idNumber("370923", LocalDate.of(2015, 3, 1));
    }

    /** A fresh student number in the national format: G and an ID number. */
    static String studentNumber(String idNumber) {
        return "G" + idNumber;
    }

    static String[] row(String studentNumber, String name, String id, String school, String grade, String village,
                        String hardships) {
        return new String[] {studentNumber, name, id, school, grade, grade + "年级1班", "否", village, "王建国", "父亲",
                "13812345678", hardships};
    }

    static byte[] csv(Charset charset, String[] header, List<String[]> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.join(",", header)).append("\r\n");
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                String v = r[i] == null ? "" : r[i];
                sb.append(v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
            }
            sb.append("\r\n");
        }
        return sb.toString().getBytes(charset);
    }

    static byte[] xlsx(String[] header, List<String[]> rows) {
        return workbook(new XSSFWorkbook(), header, rows);
    }

    static byte[] xls(String[] header, List<String[]> rows) {
        return workbook(new HSSFWorkbook(), header, rows);
    }

    private static byte[] workbook(Workbook wb, String[] header, List<String[]> rows) {
        try (wb; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("名单");
            write(sheet.createRow(0), header);
            for (int i = 0; i < rows.size(); i++) {
                write(sheet.createRow(i + 1), rows.get(i));
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Row row, String[] values) {
        for (int c = 0; c < values.length; c++) {
            if (values[c] != null) {
                row.createCell(c).setCellValue(values[c]);
            }
        }
    }
}
