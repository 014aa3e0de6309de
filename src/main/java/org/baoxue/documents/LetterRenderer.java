package org.baoxue.documents;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.pdf.draw.LineSeparator;

import org.springframework.stereotype.Service;

/**
 * Renders an {@link OfficialLetter} as an A4 PDF in Chinese. The CJK font travels with the application
 * ({@code fonts/BaoxueKai-Regular.ttf}, an OFL-licensed subset of LXGW WenKai, see {@code fonts/README.md}) and is
 * embedded (subset) in every PDF, so the letter looks the same on any machine.
 */
@Service
public class LetterRenderer {

    static final String FONT = "fonts/BaoxueKai-Regular.ttf";

    private volatile BaseFont font;

    public byte[] render(OfficialLetter letter) {
        BaseFont base = font();
        Font title = new Font(base, 20, Font.NORMAL, new Color(0xB0, 0x10, 0x10));
        Font number = new Font(base, 12);
        Font body = new Font(base, 14);
        Font small = new Font(base, 10, Font.NORMAL, Color.DARK_GRAY);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 72, 72, 72, 72);
        PdfWriter.getInstance(document, out);
        document.addTitle(letter.title());
        document.addCreator("Baoxue");
        document.open();
        Paragraph head = new Paragraph(letter.title(), title);
        head.setAlignment(Element.ALIGN_CENTER);
        head.setSpacingAfter(8);
        document.add(head);
        if (letter.documentNumber() != null) {
            Paragraph no = new Paragraph(letter.documentNumber(), number);
            no.setAlignment(Element.ALIGN_CENTER);
            document.add(no);
        }
        document.add(new Chunk(new LineSeparator(1f, 100f, new Color(0xB0, 0x10, 0x10), Element.ALIGN_CENTER, -4f)));
        Paragraph to = new Paragraph(letter.addressee() + "：", body);
        to.setSpacingBefore(18);
        to.setSpacingAfter(6);
        document.add(to);
        for (String text : letter.paragraphs()) {
            Chunk chunk = new Chunk(text, body);
            chunk.setSplitCharacter(LetterRenderer::splitAfter);
            Paragraph p = new Paragraph(chunk);
            p.setFirstLineIndent(28);
            p.setLeading(26);
            p.setAlignment(Element.ALIGN_LEFT);
            p.setSpacingAfter(4);
            document.add(p);
        }
        Paragraph issuer = new Paragraph(letter.issuer(), body);
        issuer.setAlignment(Element.ALIGN_RIGHT);
        issuer.setSpacingBefore(36);
        document.add(issuer);
        Paragraph date = new Paragraph(chineseDate(letter.issuedOn()), body);
        date.setAlignment(Element.ALIGN_RIGHT);
        document.add(date);
        if (!letter.footnotes().isEmpty()) {
            Paragraph rule = new Paragraph(" ", small);
            rule.setSpacingBefore(30);
            document.add(rule);
            document.add(new Chunk(new LineSeparator(0.5f, 100f, Color.GRAY, Element.ALIGN_CENTER, -2f)));
            for (String note : letter.footnotes()) {
                document.add(new Paragraph(note, small));
            }
        }
        document.close();
        return out.toByteArray();
    }

    /** Chinese line breaking (禁则): no line starts with closing punctuation. */
    static final String NO_LINE_START = "，。、；：？！）》〕】”’…";

    static boolean splitAfter(int start, int current, int end, char[] cc, com.lowagie.text.pdf.PdfChunk[] ck) {
        if (current + 1 < end && NO_LINE_START.indexOf(cc[current + 1]) >= 0) {
            return false;
        }
        return com.lowagie.text.pdf.DefaultSplitCharacter.DEFAULT.isSplitCharacter(start, current, end, cc, ck);
    }

    /** 2026年10月9日 */
    public static String chineseDate(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    private BaseFont font() {
        BaseFont f = font;
        if (f == null) {
            synchronized (this) {
                if (font == null) {
                    try (InputStream in = LetterRenderer.class.getClassLoader().getResourceAsStream(FONT)) {
                        if (in == null) {
                            throw new IllegalStateException("font missing from the classpath: " + FONT);
                        }
                        font = BaseFont.createFont("BaoxueKai-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED,
                                true, in.readAllBytes(), null);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                f = font;
            }
        }
        return f;
    }
}
