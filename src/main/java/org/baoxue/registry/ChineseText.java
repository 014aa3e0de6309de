package org.baoxue.registry;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text files as Chinese offices send them: UTF-8 (with or without a byte-order mark) when the bytes are valid UTF-8,
 * otherwise GB18030, the superset of the GBK that Chinese Excel writes by default.
 */
public final class ChineseText {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private ChineseText() {
    }

    public static String decode(byte[] bytes) {
        int offset = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, offset, bytes.length - offset, GB18030);
        }
    }
}
