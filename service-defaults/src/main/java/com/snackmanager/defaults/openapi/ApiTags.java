package com.snackmanager.defaults.openapi;

import java.util.List;
import java.util.Map;

/**
 * The tags of the API document, one per resource, for {@code @Tag(name = ApiTags.SNACKS)} on a
 * controller. {@link #ORDER} is the order a frontend meets them in, which the gateway keeps in the
 * merged document.
 */
public final class ApiTags {

  public static final String MEMBERS = "Members";
  public static final String TOKENS = "Tokens";
  public static final String CHECKS = "Checks";
  public static final String SNACKS = "Snacks";
  public static final String REACTIONS = "Reactions";
  public static final String ORDERS = "Orders";
  public static final String STATISTICS = "Statistics";

  /** Every tag, in the order a frontend uses them: sign up, sign in, then the office's snacks. */
  public static final List<String> ORDER =
      List.of(MEMBERS, TOKENS, CHECKS, SNACKS, REACTIONS, ORDERS, STATISTICS);

  static final Map<String, String> DESCRIPTIONS =
      Map.of(
          MEMBERS, "Sign-up, the member's profile, resignation and the admin's member management",
          TOKENS, "Sign-in (access and refresh tokens), refresh, sign-out and the public keys",
          CHECKS, "Whether the caller's token is (still) good, and whether it is an admin's",
          SNACKS, "The snack catalogue: list, register (with a picture), edit, pictures",
          REACTIONS, "A member's like or hate of a snack, and the snack's counts",
          ORDERS, "The shared order board: place, edit, move along the status flow, history",
          STATISTICS,
              "Figures precomputed from the event streams (JSON, or CSV with Accept: text/csv)");

  private ApiTags() {}

  /** Where {@code tag} goes in the document: its place in {@link #ORDER}, unknown tags last. */
  public static int rank(String tag) {
    int index = ORDER.indexOf(tag);
    return index < 0 ? ORDER.size() : index;
  }
}
