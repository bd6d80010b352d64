package com.snackmanager.auth.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.snackmanager.defaults.domain.RuleViolation;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdminRulesTest {

  private static Member member(long id, MemberType type, boolean deleted) {
    return new Member(id, id + "@b.co", "hash", "M", type, Instant.EPOCH, null, deleted, null, 0);
  }

  @Test
  void theLastActiveAdminCannotBeDemoted() {
    Member admin = member(1, MemberType.ADMIN, false);
    assertThatThrownBy(() -> AdminRules.checkRoleChange(admin, MemberType.MEMBER, List.of(1L)))
        .isInstanceOf(RuleViolation.class)
        .hasMessage(AdminRules.LAST_ADMIN_DEMOTED);
    assertThat(AdminRules.checkRoleChange(admin, MemberType.MEMBER, List.of(1L, 2L))).isTrue();
  }

  @Test
  void promotionsAndNoOpsAreAlwaysAllowed() {
    Member member = member(3, MemberType.MEMBER, false);
    assertThat(AdminRules.checkRoleChange(member, MemberType.ADMIN, List.of())).isTrue();
    assertThat(AdminRules.checkRoleChange(member, MemberType.MEMBER, List.of())).isFalse();
    Member admin = member(1, MemberType.ADMIN, false);
    assertThat(AdminRules.checkRoleChange(admin, MemberType.ADMIN, List.of(1L))).isFalse();
  }

  @Test
  void aResignedMembersTypeIsFrozen() {
    assertThatThrownBy(
            () ->
                AdminRules.checkRoleChange(
                    member(4, MemberType.MEMBER, true), MemberType.ADMIN, List.of(1L)))
        .hasMessage(AdminRules.RESIGNED_MEMBER);
  }

  @Test
  void theLastActiveAdminCannotResignButOthersCan() {
    assertThatThrownBy(
            () -> AdminRules.checkResignation(member(1, MemberType.ADMIN, false), List.of(1L)))
        .hasMessage(AdminRules.LAST_ADMIN_RESIGNED);
    AdminRules.checkResignation(member(1, MemberType.ADMIN, false), List.of(1L, 2L));
    AdminRules.checkResignation(member(3, MemberType.MEMBER, false), List.of(1L));
    AdminRules.checkResignation(member(3, MemberType.MEMBER, false), List.of());
  }
}
