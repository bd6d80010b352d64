package com.snackmanager.auth.member;

import com.snackmanager.defaults.domain.RuleViolation;
import java.util.Collection;

/**
 * The suite always keeps at least one active admin: the last one can be neither demoted nor resign.
 * Callers pass the active admins as locked in their transaction, so two admins demoting each other
 * at once are decided one after the other.
 */
public final class AdminRules {

  public static final String LAST_ADMIN_DEMOTED =
      "You cannot demote the last admin; promote another member first.";
  public static final String LAST_ADMIN_RESIGNED =
      "You cannot resign because you are the last admin.";
  public static final String RESIGNED_MEMBER = "A resigned member's type cannot be changed.";

  private AdminRules() {}

  /**
   * Checks that {@code target} may become {@code newType}.
   *
   * @return whether this changes anything (setting the type a member already has does not)
   * @throws RuleViolation a 400 when the rules forbid it
   */
  public static boolean checkRoleChange(
      Member target, MemberType newType, Collection<Long> activeAdminIds) {
    if (target.deleted()) {
      throw new RuleViolation(RESIGNED_MEMBER);
    }
    if (target.memberType() == newType) {
      return false;
    }
    if (newType != MemberType.ADMIN && isLastAdmin(target, activeAdminIds)) {
      throw RuleViolation.ofField("member_type", LAST_ADMIN_DEMOTED);
    }
    return true;
  }

  /**
   * @throws RuleViolation a 400 when {@code member} is the last active admin
   */
  public static void checkResignation(Member member, Collection<Long> activeAdminIds) {
    if (isLastAdmin(member, activeAdminIds)) {
      throw new RuleViolation(LAST_ADMIN_RESIGNED);
    }
  }

  private static boolean isLastAdmin(Member member, Collection<Long> activeAdminIds) {
    return member.isActiveAdmin() && activeAdminIds.stream().allMatch(id -> id == member.id());
  }
}
