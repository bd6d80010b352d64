package com.snackmanager.auth.member;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.auth.AuthServiceTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Flux;

class BootstrapAdminIT extends AuthServiceTest {

  @Autowired BootstrapAdmin bootstrap;
  @Autowired Members members;
  @Autowired MemberService service;
  @Autowired PasswordHasher hasher;

  @Test
  void theConfiguredAdminIsCreatedOnceHoweverOftenTheInitializerRuns() {
    // it already ran at start-up; run it again, and twice at the same time
    assertThat(bootstrap.ensureAdmin().block(Duration.ofSeconds(30))).isFalse();
    List<Boolean> concurrent =
        Flux.range(0, 2)
            .flatMap(i -> bootstrap.ensureAdmin(), 2)
            .collectList()
            .block(Duration.ofSeconds(30));
    assertThat(concurrent).containsOnly(false);

    long rows =
        db.sql("SELECT count(*) AS n FROM member WHERE lower(email) = lower(:email)")
            .bind("email", BOOTSTRAP_ADMIN_EMAIL)
            .map(row -> row.get("n", Long.class))
            .one()
            .block();
    assertThat(rows).isOne();
    long registrations =
        db.sql(
                "SELECT count(*) AS n FROM outbox o JOIN member m ON o.aggregate_id = m.id::text"
                    + " WHERE lower(m.email) = lower(:email) AND o.event_type = 'user.registered'")
            .bind("email", BOOTSTRAP_ADMIN_EMAIL)
            .map(row -> row.get("n", Long.class))
            .one()
            .block();
    assertThat(registrations).isOne();
  }

  @Test
  void twoReplicasStartingAtOnceCreateOneAdmin() {
    String email = uniqueEmail("replica-admin");
    BootstrapAdminProperties properties =
        new BootstrapAdminProperties(email, "Replica-Admin-Secret-9", "Replica Admin");
    BootstrapAdmin first = new BootstrapAdmin(properties, members, service, hasher);
    BootstrapAdmin second = new BootstrapAdmin(properties, members, service, hasher);

    List<Boolean> created =
        Flux.merge(first.ensureAdmin(), second.ensureAdmin())
            .collectList()
            .block(Duration.ofSeconds(30));

    assertThat(created).containsExactlyInAnyOrder(true, false);
    Member admin = members.findByEmail(email).block();
    assertThat(admin.isActiveAdmin()).isTrue();
    long registrations =
        db.sql("SELECT count(*) AS n FROM outbox WHERE aggregate_id = :id")
            .bind("id", Long.toString(admin.id()))
            .map(row -> row.get("n", Long.class))
            .one()
            .block();
    assertThat(registrations).isOne();
  }

  @Test
  void anExistingMemberWithTheEmailIsLeftAsItIs() {
    Account member = newMember("taken-by-member");
    BootstrapAdmin bootstrapOverMember =
        new BootstrapAdmin(
            new BootstrapAdminProperties(member.email(), "Other-Secret-55", "Admin"),
            members,
            service,
            hasher);
    assertThat(bootstrapOverMember.ensureAdmin().block(Duration.ofSeconds(30))).isFalse();
    assertThat(memberType(member.id())).isEqualTo("MEMBER");
    login(member.email(), PASSWORD);
  }

  @Test
  void withoutConfigurationNothingIsCreated() {
    BootstrapAdmin unconfigured =
        new BootstrapAdmin(new BootstrapAdminProperties("", "", "Admin"), members, service, hasher);
    assertThat(unconfigured.ensureAdmin().block(Duration.ofSeconds(30))).isFalse();
  }

  @Test
  void theBootstrapAdminCanLogInAsAnAdmin() throws Exception {
    Tokens tokens = login(BOOTSTRAP_ADMIN_EMAIL, BOOTSTRAP_ADMIN_PASSWORD);
    assertThat(claims(tokens.access()).getStringClaim("member_type")).isEqualTo("ADMIN");
    get("/checks/is_admin/", tokens.access()).expectStatus().isOk();
  }
}
