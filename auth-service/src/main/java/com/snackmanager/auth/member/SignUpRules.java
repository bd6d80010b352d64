package com.snackmanager.auth.member;

import com.snackmanager.defaults.domain.FieldErrors;
import com.snackmanager.defaults.domain.RuleViolation;

/** Checks a sign-up request field by field and yields the member to create. */
public final class SignUpRules {

  public static final int MAX_NAME_LENGTH = 150;
  public static final String NAME_TOO_LONG = "Ensure this field has no more than 150 characters.";
  public static final String EMAIL_TAKEN = "A member with this email already exists.";
  public static final String EMAIL_RESIGNED =
      "This email belonged to a member who resigned; it cannot be used to sign up again.";

  /** A validated sign-up: the normalized email, the trimmed name and the raw password. */
  public record NewMember(String email, String name, String password) {}

  private final PasswordPolicy passwords;

  public SignUpRules(PasswordPolicy passwords) {
    this.passwords = passwords;
  }

  /**
   * @throws RuleViolation a 400 naming every invalid field
   */
  public NewMember check(SignUpRequest request) {
    FieldErrors errors = new FieldErrors();
    String rawEmail = errors.required("email", request.email());
    String email = null;
    if (rawEmail != null) {
      email = EmailAddress.normalize(rawEmail).orElse(null);
      if (email == null) {
        errors.add("email", EmailAddress.INVALID);
      }
    }
    String name = checkName(request, errors);
    String password = errors.required("password", request.password());
    if (password != null) {
      passwords
          .violations(password, email != null ? email : rawEmail)
          .forEach(problem -> errors.add("password", problem));
    }
    errors.throwIfAny();
    return new NewMember(email, name, password);
  }

  private static String checkName(SignUpRequest request, FieldErrors errors) {
    String field = request.name() == null && request.username() != null ? "username" : "name";
    String raw = request.name() != null ? request.name() : request.username();
    String name = errors.required(field, raw);
    if (name == null) {
      return null;
    }
    name = name.strip();
    if (name.length() > MAX_NAME_LENGTH) {
      errors.add(field, NAME_TOO_LONG);
      return null;
    }
    return name;
  }

  /** The 400 for an email that is already taken, by a current or a resigned member. */
  public static RuleViolation emailUnavailable(Member existing) {
    return RuleViolation.ofField("email", existing.deleted() ? EMAIL_RESIGNED : EMAIL_TAKEN);
  }
}
