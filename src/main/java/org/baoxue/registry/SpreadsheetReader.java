package org.baoxue.registry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads the first sheet of an .xlsx or .xls, or a CSV in UTF-8 (with or without BOM) or GBK (what Chinese Excel
 * writes by default; read as GB18030, its superset), into a header and rows of trimmed strings. The kind is told by
 * the file's first bytes, not its name; anything else is refused with a reason.
 */
final class SpreadsheetReader {

    /** The parsed table: header cells, and data rows with their 1-based line (or row) number in the file. */
    record Table(List<String> header, List<String[]> rows, List<Integer> lineNumbers) {
    }


    private final ImportLimits limits;

    SpreadsheetReader(ImportLimits limits) {
        this.limits = limits;
    }

    Table read(byte[] bytes, IntConsumer progress) {
        if (bytes.length == 0) {
            throw new ImportRefused("registry.import.refused.empty");
        }
        if (bytes.length > limits.maxBytes()) {
            throw new ImportRefused("registry.import.refused.tooLarge", limits.maxBytes() / (1024 * 1024));
        }
        if (startsWith(bytes, 0x50, 0x4B, 0x03, 0x04) || startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0)) {
            return readWorkbook(bytes, progress);
        }
        if (looksBinary(bytes)) {
            throw new ImportRefused("registry.import.refused.notSpreadsheet");
        }
        return readCsv(bytes, progress);
    }

    private Table readWorkbook(byte[] bytes, IntConsumer progress) {
        // POI's zip-bomb guards are process-wide settings; every reader sets the same configured values.
        ZipSecureFile.setMinInflateRatio(limits.minInflateRatio());
        ZipSecureFile.setMaxEntrySize(limits.maxEntryBytes());
        try (InputStream in = new ByteArrayInputStream(bytes); Workbook workbook = WorkbookFactory.create(in)) {
            if (workbook.getNumberOfSheets() == 0) {
                throw new ImportRefused("registry.import.refused.empty");
            }
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter();
            TableBuilder table = new TableBuilder(progress);
            for (Row row : sheet) {
                String[] cells = new String[Math.max(row.getLastCellNum(), 0)];
                for (int c = 0; c < cells.length; c++) {
                    Cell cell = row.getCell(c);
                    cells[c] = cell == null ? "" : clean(formatter.formatCellValue(cell));
                }
                table.add(cells, row.getRowNum() + 1);
            }
            return table.build();
        } catch (ImportRefused e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (String.valueOf(t.getMessage()).contains("Zip bomb")) {
                    throw new ImportRefused("registry.import.refused.zipBomb");
                }
            }
            throw new ImportRefused("registry.import.refused.unreadable");
        }
    }

    private Table readCsv(byte[] bytes, IntConsumer progress) {
        try (Reader reader = new StringReader(ChineseText.decode(bytes));
             CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get().parse(reader)) {
            TableBuilder table = new TableBuilder(progress);
            for (CSVRecord record : parser) {
                String[] cells = new String[record.size()];
                for (int c = 0; c < cells.length; c++) {
                    cells[c] = clean(record.get(c));
                }
                table.add(cells, (int) parser.getCurrentLineNumber());
            }
            return table.build();
        } catch (ImportRefused e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ImportRefused("registry.import.refused.unreadable");
        }
    }

    /** Collects a sheet's rows, whatever the format: blank rows skipped, the first other row the header, the row limit kept. */
    private final class TableBuilder {
        private final IntConsumer progress;
        private List<String> header;
        private final List<String[]> rows = new ArrayList<>();
        private final List<Integer> lines = new ArrayList<>();

        TableBuilder(IntConsumer progress) {
            this.progress = progress;
        }

        void add(String[] cells, int lineNumber) {
            if (java.util.Arrays.stream(cells).allMatch(String::isEmpty)) {
                return;
            }
            if (header == null) {
                header = List.of(cells);
                return;
            }
            rows.add(cells);
            lines.add(lineNumber);
            if (rows.size() > limits.maxRows()) {
                throw new ImportRefused("registry.import.refused.tooManyRows", limits.maxRows());
            }
            if (rows.size() % 1000 == 0) {
                progress.accept(rows.size());
            }
        }

        Table build() {
            return new Table(header == null ? List.of() : header, rows, lines);
        }
    }

    private static String clean(String s) {
        return s == null ? "" : s.replace('\u3000', ' ').strip();
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Text has no NUL bytes and few control characters; images, PDFs, executables do. */
    private static boolean looksBinary(byte[] bytes) {
        int n = Math.min(bytes.length, 8192);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                return true;
            }
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t') {
                control++;
            }
        }
        return control > n / 100 + 1;
    }
}
