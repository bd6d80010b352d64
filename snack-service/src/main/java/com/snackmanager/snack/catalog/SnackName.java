package com.snackmanager.snack.catalog;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The duplicate-snack rule: a snack is identified by its name, compared trimmed, with runs of
 * whitespace as one space, case-insensitively and width-insensitively (Unicode NFKC, so a
 * full-width "Ｐｒｉｎｇｌｅｓ" is "pringles" too). Hangul and other caseless scripts compare as written.
 *
 * @param display the name as stored and shown: NFC, trimmed, whitespace runs collapsed
 * @param key what uniqueness is decided on (a unique column in the database)
 */
public record SnackName(String display, String key) {

  private static final Pattern WHITESPACE = Pattern.compile("[\\s\\p{Z}]+");
  private static final Pattern INVISIBLE = Pattern.compile("\\p{Cf}+");

  public static SnackName of(String raw) {
    String display =
        WHITESPACE.matcher(Normalizer.normalize(raw, Normalizer.Form.NFC)).replaceAll(" ").strip();
    return new SnackName(display, key(raw));
  }

  /** The comparison key of {@code text}; also how a name search is matched. */
  public static String key(String text) {
    String compatible = Normalizer.normalize(text, Normalizer.Form.NFKC);
    String visible = INVISIBLE.matcher(compatible).replaceAll("");
    return WHITESPACE.matcher(visible).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
  }

  /** Length as a reader counts it (code points, so an emoji or a Hangul syllable is one). */
  public int length() {
    return display.codePointCount(0, display.length());
  }
}
