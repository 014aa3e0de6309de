package org.baoxue.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SpreadsheetReaderTest {

    private static final String[] HEADER = {"学籍号", "姓名"};
    private final SpreadsheetReader reader = new SpreadsheetReader(ImportLimits.defaults());

    @Test
    void readsGbkCsvAsChineseExcelWritesIt() {
        byte[] gbk = TestFiles.csv(Charset.forName("GBK"), HEADER, List.<String[]>of(new String[] {"G1", "张晓东"}));
        assertThat(new String(gbk, StandardCharsets.UTF_8)).doesNotContain("张晓东"); // really not UTF-8
        SpreadsheetReader.Table t = reader.read(gbk, n -> { });
        assertThat(t.header()).containsExactly("学籍号", "姓名");
        assertThat(t.rows().get(0)).containsExactly("G1", "张晓东");
        assertThat(t.lineNumbers()).containsExactly(2);
    }

    @Test
    void readsUtf8CsvWithByteOrderMark() {
        byte[] body = TestFiles.csv(StandardCharsets.UTF_8, HEADER, List.<String[]>of(new String[] {"G2", "李子涵"}));
        byte[] bom = new byte[body.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bom, 3, body.length);
        SpreadsheetReader.Table t = reader.read(bom, n -> { });
        assertThat(t.header().get(0)).isEqualTo("学籍号");
        assertThat(t.rows().get(0)[1]).isEqualTo("李子涵");
    }

    @Test
    void readsXlsxAndXls() {
        List<String[]> rows = List.<String[]>of(new String[] {"G3", "赵一诺"});
        assertThat(reader.read(TestFiles.xlsx(HEADER, rows), n -> { }).rows().get(0)).containsExactly("G3", "赵一诺");
        assertThat(reader.read(TestFiles.xls(HEADER, rows), n -> { }).rows().get(0)).containsExactly("G3", "赵一诺");
    }

    @Test
    void refusesWhatIsNotASpreadsheet() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0};
        assertRefused(png, "registry.import.refused.notSpreadsheet");
        // a zip archive that is not a workbook
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        assertRefused(zip, "registry.import.refused.unreadable");
        assertRefused(new byte[0], "registry.import.refused.empty");
    }

    @Test
    void refusesAnOversizedFileBeforeReadingIt() {
        SpreadsheetReader small = new SpreadsheetReader(new ImportLimits(1024L * 1024, null, null, null, null));
        byte[] big = new byte[1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        assertThatThrownBy(() -> small.read(big, n -> { })).isInstanceOfSatisfying(ImportRefused.class, e -> {
            assertThat(e.messageKey()).isEqualTo("registry.import.refused.tooLarge");
            assertThat(e.args()).containsExactly(1L);
        });
    }

    @Test
    void refusesTooManyRows() {
        SpreadsheetReader small = new SpreadsheetReader(new ImportLimits(null, 10, null, null, null));
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            rows.add(new String[] {"G" + i, "name"});
        }
        assertThatThrownBy(() -> small.read(TestFiles.csv(StandardCharsets.UTF_8, HEADER, rows), n -> { }))
                .isInstanceOfSatisfying(ImportRefused.class, e -> assertThat(e.messageKey()).isEqualTo("registry.import.refused.tooManyRows"));
    }

    @Test
    void refusesAWorkbookThatExpandsBeyondTheLimits() {
        // a sheet of one repeated value compresses very well; with a strict ratio (and a small entry limit) it is a bomb
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            rows.add(new String[] {"AAAAAAAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAAAAAAA"});
        }
        byte[] xlsx = TestFiles.xlsx(HEADER, rows);
        try {
            SpreadsheetReader strictRatio = new SpreadsheetReader(new ImportLimits(null, null, 0.2, null, null));
            assertThatThrownBy(() -> strictRatio.read(xlsx, n -> { })).isInstanceOfSatisfying(ImportRefused.class,
                    e -> assertThat(e.messageKey()).isEqualTo("registry.import.refused.zipBomb"));
            SpreadsheetReader smallEntries = new SpreadsheetReader(new ImportLimits(null, null, null, 200_000L, null));
            assertThatThrownBy(() -> smallEntries.read(xlsx, n -> { })).isInstanceOfSatisfying(ImportRefused.class,
                    e -> assertThat(e.messageKey()).isEqualTo("registry.import.refused.zipBomb"));
            // the default limits read it
            assertThat(reader.read(xlsx, n -> { }).rows()).hasSize(20_000);
        } finally {
            reader.read(TestFiles.xlsx(HEADER, List.of()), n -> { }); // restores the process-wide defaults
        }
    }

    private void assertRefused(byte[] bytes, String key) {
        assertThatThrownBy(() -> reader.read(bytes, n -> { })).isInstanceOfSatisfying(ImportRefused.class,
                e -> assertThat(e.messageKey()).isEqualTo(key));
    }
}
