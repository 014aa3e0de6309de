package org.baoxue.documents;

import java.time.LocalDate;
import java.util.List;

/**
 * An official letter (公文) as the case modules compose it: title, document number, the addressee, the body
 * paragraphs, the issuing authority and date, and small print below (case number, copies). Rendered by
 * {@link LetterRenderer}; the content is the caller's, this module only lays it out.
 */
public record OfficialLetter(String title, String documentNumber, String addressee, List<String> paragraphs,
                             String issuer, LocalDate issuedOn, List<String> footnotes) {

    public OfficialLetter {
        paragraphs = List.copyOf(paragraphs);
        footnotes = footnotes == null ? List.of() : List.copyOf(footnotes);
    }
}
