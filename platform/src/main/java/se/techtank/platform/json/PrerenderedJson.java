package se.techtank.platform.json;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.util.RawValue;

/**
 * A JSON value rendered earlier (UTF-8 bytes, as {@code ObjectMapper.writeValueAsBytes} gave them) that Jackson
 * writes again as it is, wherever it writes a value: {@code List.of(PrerenderedJson.of(bytes))} is written as
 * {@code [<bytes>]}. Into a response (a UTF-8 stream) the bytes are copied, neither decoded, escaped nor
 * encoded again; only a writer of characters decodes them.
 *
 * <p>The bytes are written unchecked: they must be one complete JSON value, rendered by the same {@code
 * ObjectMapper} as the rest of the document and without indentation, or the document reads differently.
 */
public final class PrerenderedJson implements SerializableString {

    private final byte[] utf8;
    private String text;

    private PrerenderedJson(byte[] utf8) {
        this.utf8 = utf8;
    }

    /** The value Jackson writes as {@code utf8}; the bytes are shared, not copied: do not change them. */
    public static RawValue of(byte[] utf8) {
        return new RawValue(new PrerenderedJson(utf8));
    }

    @Override
    public String getValue() {
        String value = text;
        if (value == null) {
            value = new String(utf8, StandardCharsets.UTF_8);
            text = value;
        }
        return value;
    }

    @Override
    public int charLength() {
        return getValue().length();
    }

    @Override
    public char[] asQuotedChars() {
        return JsonStringEncoder.getInstance().quoteAsString(getValue());
    }

    @Override
    public byte[] asUnquotedUTF8() {
        return utf8;
    }

    @Override
    public byte[] asQuotedUTF8() {
        return JsonStringEncoder.getInstance().quoteAsUTF8(getValue());
    }

    @Override
    public int appendQuotedUTF8(byte[] buffer, int offset) {
        return append(asQuotedUTF8(), buffer, offset);
    }

    @Override
    public int appendQuoted(char[] buffer, int offset) {
        return append(asQuotedChars(), buffer, offset);
    }

    @Override
    public int appendUnquotedUTF8(byte[] buffer, int offset) {
        return append(utf8, buffer, offset);
    }

    @Override
    public int appendUnquoted(char[] buffer, int offset) {
        return append(getValue().toCharArray(), buffer, offset);
    }

    @Override
    public int writeQuotedUTF8(OutputStream out) throws IOException {
        byte[] quoted = asQuotedUTF8();
        out.write(quoted);
        return quoted.length;
    }

    @Override
    public int writeUnquotedUTF8(OutputStream out) throws IOException {
        out.write(utf8);
        return utf8.length;
    }

    @Override
    public int putQuotedUTF8(ByteBuffer buffer) {
        return put(asQuotedUTF8(), buffer);
    }

    @Override
    public int putUnquotedUTF8(ByteBuffer buffer) {
        return put(utf8, buffer);
    }

    @Override
    public String toString() {
        return getValue();
    }

    /** Copies {@code bytes} into {@code buffer} at {@code offset}; -1 when they do not fit (the caller then asks for them whole). */
    private static int append(byte[] bytes, byte[] buffer, int offset) {
        if (offset + bytes.length > buffer.length) {
            return -1;
        }
        System.arraycopy(bytes, 0, buffer, offset, bytes.length);
        return bytes.length;
    }

    private static int append(char[] chars, char[] buffer, int offset) {
        if (offset + chars.length > buffer.length) {
            return -1;
        }
        System.arraycopy(chars, 0, buffer, offset, chars.length);
        return chars.length;
    }

    private static int put(byte[] bytes, ByteBuffer buffer) {
        if (bytes.length > buffer.remaining()) {
            return -1;
        }
        buffer.put(bytes);
        return bytes.length;
    }
}
