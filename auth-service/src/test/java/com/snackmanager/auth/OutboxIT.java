package com.snackmanager.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every change leaves exactly one event in the outbox, written in the change's transaction. */
class OutboxIT extends AuthServiceTest {

  private List<Map<String, Object>> events(long memberId) {
    return db.sql(
            "SELECT event_type, topic, event_version, payload FROM outbox"
                + " WHERE aggregate_id = :id ORDER BY id")
        .bind("id", Long.toString(memberId))
        .fetch()
        .all()
        .collectList()
        .block();
  }

  @Test
  void signUpRoleChangesAndResignationEachWriteOneEvent() {
    Account admin = newAdmin("outbox-admin");
    Account member = newMember("outbox");

    List<Map<String, Object>> afterSignUp = events(member.id());
    assertThat(afterSignUp).extracting(e -> e.get("event_type")).containsExactly("user.registered");
    assertThat(afterSignUp.get(0))
        .containsEntry("topic", "snack.users.v1")
        .containsEntry("event_version", 1);
    assertThat((String) afterSignUp.get(0).get("payload"))
        .contains("\"member_id\":" + member.id())
        .contains(member.email())
        .contains("\"member_type\":\"MEMBER\"");

    patchJson("/auth/users/" + member.id() + "/", admin.access(), Map.of("member_type", "ADMIN"))
        .expectStatus()
        .isOk();
    // a no-op change writes nothing
    patchJson("/auth/users/" + member.id() + "/", admin.access(), Map.of("member_type", "ADMIN"))
        .expectStatus()
        .isOk();
    List<Map<String, Object>> afterPromotion = events(member.id());
    assertThat(afterPromotion)
        .extracting(e -> e.get("event_type"))
        .containsExactly("user.registered", "user.role-changed");
    assertThat((String) afterPromotion.get(1).get("payload"))
        .contains("\"previous_member_type\":\"MEMBER\"")
        .contains("\"member_type\":\"ADMIN\"")
        .contains("\"changed_by\":" + admin.id());

    Tokens promoted = login(member.email(), PASSWORD);
    resign(promoted.access()).expectStatus().isOk();
    assertThat(events(member.id()))
        .extracting(e -> e.get("event_type"))
        .containsExactly("user.registered", "user.role-changed", "user.resigned");
  }

  @Test
  void aRefusedChangeWritesNoEvent() {
    Account admin = newAdmin("outbox-last");
    int before = events(admin.id()).size();
    withOnlyAdmins(List.of(admin.id()), () -> resign(admin.access()).expectStatus().isBadRequest());
    assertThat(events(admin.id())).hasSize(before);
  }
}
