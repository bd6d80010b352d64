package com.snackmanager.snack.catalog;

import com.snackmanager.defaults.domain.FieldErrors;
import com.snackmanager.snack.web.InputValue;
import com.snackmanager.snack.web.SnackInput;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a valid snack is. A registration needs {@code name}, {@code url}, {@code currency} and
 * {@code price} ({@code desc} is optional); an edit changes any of those and {@code status}, and
 * the result is checked as a whole (a price must fit the currency it ends up with). Every problem
 * is reported at once, per field.
 */
public final class SnackRules {

  public static final int NAME_MAX = 200;
  public static final int URL_MAX = 2000;
  public static final int DESC_MAX = 2000;

  /** The seed API's text, which the frontend shows as it is. */
  public static final String DUPLICATE_NAME = "snack with this name already exists.";

  static final String NOT_TEXT = "Not a valid string.";
  static final String NOT_NUMBER = "A valid number is required.";
  static final String INVALID_URL = "Enter a valid URL starting with http:// or https://.";
  static final String CONTROL_CHARACTERS = "Must not contain control characters.";
  static final String NEGATIVE = "Ensure this value is greater than or equal to 0.";
  static final String UNKNOWN_FIELD = "Unknown field.";

  private static final Set<String> REGISTRATION_FIELDS =
      Set.of("name", "url", "desc", "currency", "price");
  private static final Set<String> EDIT_FIELDS =
      Set.of("name", "url", "desc", "currency", "price", "status");

  /** A plain decimal as typed in a form: digits, an optional fraction, no exponent or grouping. */
  private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d{1,30}(\\.\\d{1,30})?");

  private SnackRules() {}

  /** A new snack from a registration request; ACTIVE. */
  public static SnackState registration(SnackInput input) {
    FieldErrors errors = new FieldErrors();
    unknownFields(errors, input, REGISTRATION_FIELDS);
    SnackName name = name(errors, input.get("name"));
    String url = url(errors, input.get("url"));
    String desc = desc(errors, input.get("desc"));
    Currency currency = currency(errors, input.get("currency"));
    BigDecimal price = price(errors, number(errors, "price", input.get("price")), currency);
    errors.throwIfAny();
    return new SnackState(name, url, desc, currency, price, SnackStatus.ACTIVE);
  }

  /** {@code current} with the fields {@code input} has replaced. */
  public static SnackEdit edit(SnackState current, SnackInput input) {
    FieldErrors errors = new FieldErrors();
    unknownFields(errors, input, EDIT_FIELDS);
    SnackName name = input.has("name") ? name(errors, input.get("name")) : current.name();
    String url = input.has("url") ? url(errors, input.get("url")) : current.url();
    String desc = input.has("desc") ? desc(errors, input.get("desc")) : current.desc();
    Currency currency =
        input.has("currency") ? currency(errors, input.get("currency")) : current.currency();
    BigDecimal rawPrice =
        input.has("price") ? number(errors, "price", input.get("price")) : current.price();
    BigDecimal price = price(errors, rawPrice, currency);
    SnackStatus status =
        input.has("status") ? status(errors, input.get("status")) : current.status();
    errors.throwIfAny();
    SnackState next = new SnackState(name, url, desc, currency, price, status);
    boolean retired = current.status() == SnackStatus.ACTIVE && status == SnackStatus.RETIRED;
    return new SnackEdit(next, !next.equals(current), retired);
  }

  /**
   * A misspelt field ({@code "stauts"}) is a 400 naming it, not a request that quietly does less.
   */
  private static void unknownFields(FieldErrors errors, SnackInput input, Set<String> known) {
    for (String field : input.names()) {
      if (!known.contains(field)) {
        errors.add(field, UNKNOWN_FIELD);
      }
    }
  }

  private static SnackName name(FieldErrors errors, Optional<InputValue> value) {
    String raw = requiredText(errors, "name", value);
    if (raw == null) {
      return null;
    }
    SnackName name = SnackName.of(raw);
    if (name.display().isEmpty()) {
      errors.add("name", FieldErrors.BLANK);
    } else if (name.length() > NAME_MAX) {
      errors.add("name", tooLong(NAME_MAX));
    } else if (hasControlCharacters(name.display())) {
      errors.add("name", CONTROL_CHARACTERS);
    }
    return name;
  }

  private static String url(FieldErrors errors, Optional<InputValue> value) {
    String raw = requiredText(errors, "url", value);
    if (raw == null) {
      return null;
    }
    String url = raw.strip();
    if (url.isEmpty()) {
      errors.add("url", FieldErrors.BLANK);
    } else if (url.length() > URL_MAX) {
      errors.add("url", tooLong(URL_MAX));
    } else if (!isWebAddress(url)) {
      errors.add("url", INVALID_URL);
    }
    return url;
  }

  /** An absolute http(s) URL with a host, as {@link URI} parses it (no spaces, no controls). */
  static boolean isWebAddress(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      return scheme != null
          && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
          && uri.getHost() != null
          && !uri.getHost().isBlank();
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static String desc(FieldErrors errors, Optional<InputValue> value) {
    if (value.isEmpty() || value.get() instanceof InputValue.Null) {
      return "";
    }
    if (!(value.get() instanceof InputValue.Text text)) {
      errors.add("desc", NOT_TEXT);
      return null;
    }
    String desc = text.value().strip();
    if (desc.codePointCount(0, desc.length()) > DESC_MAX) {
      errors.add("desc", tooLong(DESC_MAX));
    } else if (desc.indexOf('\0') >= 0) {
      errors.add("desc", CONTROL_CHARACTERS);
    }
    return desc;
  }

  private static Currency currency(FieldErrors errors, Optional<InputValue> value) {
    String raw = requiredText(errors, "currency", value);
    if (raw == null) {
      return null;
    }
    if (raw.isBlank()) {
      errors.add("currency", FieldErrors.BLANK);
      return null;
    }
    Optional<Currency> currency = Currency.parse(raw);
    if (currency.isEmpty()) {
      errors.add(
          "currency", "\"" + abbreviated(raw) + "\" is not a valid choice; use KRW, USD or JPY.");
    }
    return currency.orElse(null);
  }

  /** A JSON number, or a text holding a plain decimal (a form field). */
  private static BigDecimal number(FieldErrors errors, String field, Optional<InputValue> value) {
    if (value.isEmpty()) {
      errors.add(field, FieldErrors.REQUIRED);
      return null;
    }
    InputValue raw = value.get();
    if (raw instanceof InputValue.Number number) {
      return number.value();
    }
    if (raw instanceof InputValue.Null) {
      errors.add(field, FieldErrors.NULL);
      return null;
    }
    if (!(raw instanceof InputValue.Text text)) {
      errors.add(field, NOT_NUMBER);
      return null;
    }
    String typed = text.value().strip();
    if (typed.isEmpty()) {
      errors.add(field, FieldErrors.BLANK);
      return null;
    }
    if (!DECIMAL.matcher(typed).matches()) {
      errors.add(field, NOT_NUMBER);
      return null;
    }
    return new BigDecimal(typed);
  }

  /**
   * At least 0, at most the currency's {@link Currency#maxPrice()}, with no more decimals than the
   * currency has (trailing zeros do not count: 3000.00 won is 3000 won).
   */
  private static BigDecimal price(FieldErrors errors, BigDecimal price, Currency currency) {
    if (price == null) {
      return null;
    }
    if (price.signum() < 0) {
      errors.add("price", NEGATIVE);
      return null;
    }
    if (currency == null) {
      return null;
    }
    if (price.compareTo(currency.maxPrice()) > 0) {
      errors.add(
          "price",
          "Ensure this value is less than or equal to "
              + currency.maxPrice().toPlainString()
              + " for "
              + currency
              + ".");
      return null;
    }
    if (price.stripTrailingZeros().scale() > currency.decimals()) {
      errors.add(
          "price",
          currency.decimals() == 0
              ? currency + " prices have no decimal places."
              : currency + " prices have at most " + currency.decimals() + " decimal places.");
      return null;
    }
    return currency.scaled(price.signum() == 0 ? BigDecimal.ZERO : price);
  }

  private static SnackStatus status(FieldErrors errors, Optional<InputValue> value) {
    String raw = requiredText(errors, "status", value);
    if (raw == null) {
      return null;
    }
    Optional<SnackStatus> status = SnackStatus.parse(raw);
    if (status.isEmpty()) {
      errors.add("status", SnackStatus.invalidChoice(abbreviated(raw)));
    }
    return status.orElse(null);
  }

  /** The text of a field that must be present and a string (it may still be blank). */
  private static String requiredText(FieldErrors errors, String field, Optional<InputValue> value) {
    if (value.isEmpty()) {
      errors.add(field, FieldErrors.REQUIRED);
      return null;
    }
    InputValue raw = value.get();
    if (raw instanceof InputValue.Text text) {
      return text.value();
    }
    errors.add(field, raw instanceof InputValue.Null ? FieldErrors.NULL : NOT_TEXT);
    return null;
  }

  private static boolean hasControlCharacters(String text) {
    return text.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL);
  }

  private static String tooLong(int max) {
    return "Ensure this field has no more than " + max + " characters.";
  }

  /** A client's value quoted back, cut short so an error cannot echo a megabyte. */
  private static String abbreviated(String raw) {
    String stripped = raw.strip();
    return stripped.length() <= 20 ? stripped : stripped.substring(0, 20) + "…";
  }
}
