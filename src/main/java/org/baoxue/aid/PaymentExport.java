package org.baoxue.aid;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The bank's payment list of a batch as {@code .xlsx}: name, masked ID number, card account, amount. Text cells
 * that a spreadsheet would read as a formula (starting with = + - @, tab or carriage return) get a leading
 * apostrophe, so a name or account typed as a formula stays text.
 */
final class PaymentExport {

    static final String[] HEADERS = {"序号", "学校", "姓名", "身份证号（脱敏）", "银行卡号", "金额（元）", "申请编号"};

    private PaymentExport() {
    }

    static byte[] xlsx(PaymentBatch batch, List<AidApplication> applications) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("发放名单");
            DataFormat format = book.createDataFormat();
            CellStyle money = book.createCellStyle();
            money.setDataFormat(format.getFormat("0.00"));
            CellStyle text = book.createCellStyle();
            text.setDataFormat(format.getFormat("@"));
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue(neutralise("批次 " + batch.batchNumber()));
            Row header = sheet.createRow(1);
            for (int i = 0; i < HEADERS.length; i++) {
                header.createCell(i).setCellValue(HEADERS[i]);
            }
            int r = 2;
            for (AidApplication a : applications) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue(r - 1);
                row.createCell(1).setCellValue(neutralise(a.schoolCode()));
                row.createCell(2).setCellValue(neutralise(a.pupilName()));
                row.createCell(3).setCellValue(neutralise(a.maskedIdNumber()));
                Cell card = row.createCell(4);
                card.setCellStyle(text);
                card.setCellValue(neutralise(a.cardAccount() == null ? "" : a.cardAccount()));
                Cell amount = row.createCell(5);
                amount.setCellStyle(money);
                amount.setCellValue(a.semesterAmount() == null ? 0 : a.semesterAmount().doubleValue());
                row.createCell(6).setCellValue(neutralise(a.caseNumber()));
                r++;
            }
            Row total = sheet.createRow(r);
            total.createCell(4).setCellValue("合计");
            Cell sum = total.createCell(5);
            sum.setCellStyle(money);
            sum.setCellValue(batch.totalAmount() == null ? 0 : batch.totalAmount().doubleValue());
            for (int i = 0; i < HEADERS.length; i++) {
                sheet.setColumnWidth(i, i == 6 ? 40 * 256 : 22 * 256);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A value a spreadsheet would not evaluate: formula-like text gets a leading apostrophe. */
    static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + value : value;
    }
}
