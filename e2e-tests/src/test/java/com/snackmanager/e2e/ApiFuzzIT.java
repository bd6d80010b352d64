package com.snackmanager.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.e2e.ApiDocument.Operation;
import com.snackmanager.e2e.Members.Member;
import com.snackmanager.e2e.OperationAccess.Access;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Malformed requests derived from the gateway's OpenAPI document (issue 14, SECURITY.md V5/V13),
 * for every operation that takes a body or parameters, sent through the gateway as a valid member
 * (as an admin where only admins get past the role check): wrong types, missing, null and unknown
 * fields, 1 MB strings, NUL and BEL characters, malformed JSON and JSON of the wrong shape, wrong
 * content types, extreme and non-numeric paging, unknown ids, over-long and control-character path
 * and query values. SPEC: never a 500 for anything a client sent, every error a problem with a
 * {@code detail}. Afterwards every process is ready and a member still signs in and lists snacks.
 *
 * <p>The requests are built before any is sent and bounded ({@link #MAX_REQUESTS}); each operation
 * is one dynamic test listing every request that broke the rule. Everything they may change belongs
 * to this class (its own members, snacks and orders).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiFuzzIT {

  /** A ceiling on the requests, so the class stays within a couple of minutes. */
  static final int MAX_REQUESTS = 2000;

  private static final String JSON_TYPE = "application/json";
  private static final String HUGE = "x".repeat(1 << 20);
  private static final String LONG = "y".repeat(3000);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /**
   * Query parameters an operation cannot answer without (the document does not mark them required),
   * so that a probe of one parameter reaches that parameter's check.
   */
  private static final Map<String, Map<String, String>> VALID_QUERIES =
      Map.of(
          "GET /statistics/orders",
          Map.of("period", "day", "from", "2026-03-01", "to", "2026-03-31"));

  /** Paging and ordering out of every range, for every list. */
  private static final List<String> PAGING =
      List.of(
          "page=0",
          "page=-1",
          "page=1000000000000",
          "page=99999999999999999999",
          "page=abc",
          "page=1.5",
          "page=",
          "page_size=0",
          "page_size=-1",
          "page_size=1001",
          "page_size=1000000000",
          "page_size=1000000000000",
          "page_size=abc",
          "page=1000000&page_size=1000",
          "page=2147483647&page_size=2147483647",
          "page=1&page=2",
          "ordering=no_such_field",
          "ordering=-",
          "ordering=,,,",
          "ordering=" + LONG);

  /** One malformed request: what it breaks, and how it is sent. */
  private record Probe(
      Operation operation,
      String what,
      String path,
      byte[] body,
      String contentType,
      Map<String, String> headers) {

    Probe withHeader(String name, String value) {
      return new Probe(operation, what, path, body, contentType, Map.of(name, value));
    }

    String describe() {
      String sent = body == null ? "" : new String(body, StandardCharsets.UTF_8);
      return operation.method()
          + " "
          + abbreviate(path)
          + " ["
          + what
          + "] "
          + (contentType == null ? "" : contentType + " ")
          + abbreviate(sent);
    }
  }

  private final RunningSuite suite = RunningSuite.get();
  private final Api api = new Api(suite.gateway());
  private final Members members = new Members(api);
  private final Snacks snacks = new Snacks(api);

  private ApiDocument document;
  private Member member;
  private Member admin;
  private Member bystander;
  private String bystanderRefresh;
  private String snackUid;
  private String editedOrderSnackUid;
  private String newOrderSnackUid;
  private String editedOrderUid;
  private String movedOrderUid;
  private final Map<String, List<Probe>> probes = new LinkedHashMap<>();
  private final Map<Integer, Integer> statuses = new TreeMap<>();

  @BeforeAll
  void setUp() {
    document = ApiDocument.fetch(api);
    member = members.signUp("fuzz-member");
    admin = members.newAdmin("fuzz-admin");
    bystander = members.signUp("fuzz-bystander");
    bystanderRefresh =
        members.login(bystander.email(), bystander.password(), bystander.id()).refresh();
    snackUid = snackUid("reacted");
    editedOrderSnackUid = snackUid("edited-order");
    newOrderSnackUid = snackUid("new-order");
    String movedOrderSnackUid = snackUid("moved-order");
    editedOrderUid = snacks.order(member, editedOrderSnackUid);
    movedOrderUid = snacks.order(member, movedOrderSnackUid);
    for (Operation operation : document.operations()) {
      List<Probe> ofOperation = probesOf(operation);
      if (!ofOperation.isEmpty()) {
        probes.put(operation.key(), ofOperation);
      }
    }
  }

  @Test
  @Order(1)
  void theRequestsAreBoundedAndCoverEveryOperationWithInput() {
    int total = probes.values().stream().mapToInt(List::size).sum();
    assertThat(total).isBetween(500, MAX_REQUESTS);
    List<String> withInput =
        document.operations().stream()
            .filter(op -> op.hasBody() || op.spec().path("parameters").size() > 0)
            .map(Operation::key)
            .toList();
    assertThat(probes.keySet()).containsAll(withInput);
  }

  @TestFactory
  @Order(2)
  Stream<DynamicTest> malformedRequestsAreRefusedWithAProblemNeverA5xx() {
    return probes.entrySet().stream()
        .map(
            entry -> DynamicTest.dynamicTest(entry.getKey(), () -> sendAndJudge(entry.getValue())));
  }

  @Test
  @Order(3)
  void theSuiteIsHealthyAfterwards() {
    Map<String, Integer> ports =
        Map.of(
            "gateway", 8080,
            "auth-service", 8081,
            "snack-service", 8082,
            "order-service", 8083,
            "reaction-service", 8084,
            "statistics-service", 8085);
    ports.forEach(
        (name, port) ->
            assertThat(new Api(suite.management(port)).get("/actuator/health/readiness").status())
                .as(name + " ready")
                .isEqualTo(200));
    Member after = members.signUp("fuzz-after");
    Api.Response list = api.as(after.access()).get("/snacks/");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().isArray()).isTrue();
    System.out.println("ApiFuzzIT statuses (status=count): " + statuses);
  }

  // ---- sending and judging ----

  private void sendAndJudge(List<Probe> ofOperation) {
    List<String> broken = new ArrayList<>();
    for (Probe probe : ofOperation) {
      Api caller = api.as(caller(probe.operation()));
      Api.Response response =
          RateLimits.pastRateLimit(
              () ->
                  probe.body() == null
                      ? caller.send(probe.operation().method(), probe.path(), null, probe.headers())
                      : caller.sendBytes(
                          probe.operation().method(),
                          probe.path(),
                          probe.body(),
                          probe.contentType(),
                          probe.headers()));
      statuses.merge(response.status(), 1, Integer::sum);
      String verdict = verdict(response);
      if (verdict != null) {
        broken.add(
            probe.describe()
                + "\n    -> "
                + response.status()
                + " "
                + response.contentType()
                + " "
                + abbreviate(response.raw().body())
                + " ("
                + verdict
                + ")");
      }
    }
    assertThat(broken).as("requests that broke the rule").isEmpty();
  }

  /** Why a response breaks the rule, or null. */
  private static String verdict(Api.Response response) {
    if (response.status() >= 500) {
      return "a 5xx for what the client sent";
    }
    if (response.status() < 400) {
      return null;
    }
    String type = response.contentType();
    if (type == null || !type.startsWith("application/problem+json")) {
      return "a 4xx that is not a problem";
    }
    try {
      return response.detail().isBlank() ? "a problem without a detail" : null;
    } catch (RuntimeException unreadable) {
      return "a problem that is not JSON";
    }
  }

  /**
   * Who sends an operation's requests: the admin where only admins pass the role check, a member
   * elsewhere; a sign-out spends its caller's token, so each of its requests gets a new session.
   */
  private String caller(Operation operation) {
    if (operation.key().equals("POST /auth/token/revoke")) {
      return members.login(member.email(), member.password(), member.id()).access();
    }
    return OperationAccess.of(operation).orElse(Access.MEMBER) == Access.ADMIN
        ? admin.access()
        : member.access();
  }

  // ---- the requests ----

  private List<Probe> probesOf(Operation operation) {
    List<Probe> found = new ArrayList<>();
    Map<String, String> ids = ids(operation);
    String path = fill(operation.path(), ids);
    ObjectNode body = operation.hasBody() ? validBody(operation) : null;
    if (body != null) {
      found.addAll(bodyProbes(operation, path, body));
    }
    for (JsonNode parameter : operation.parameters("path")) {
      String name = parameter.path("name").asString();
      for (Map.Entry<String, String> value : badPathValues(name).entrySet()) {
        Map<String, String> changed = new LinkedHashMap<>(ids);
        changed.put(name, value.getValue());
        found.add(
            probe(operation, name + ": " + value.getKey(), fill(operation.path(), changed), body));
      }
    }
    Map<String, String> query = VALID_QUERIES.getOrDefault(operation.key(), Map.of());
    for (JsonNode parameter : operation.parameters("query")) {
      String name = parameter.path("name").asString();
      for (Map.Entry<String, String> value : badQueryValues(name).entrySet()) {
        Map<String, String> changed = new LinkedHashMap<>(query);
        changed.put(name, value.getValue());
        found.add(probe(operation, name + ": " + value.getKey(), path + "?" + join(changed), body));
      }
    }
    if (operation.returnsList() && operation.method().equals("GET")) {
      String prefix = query.isEmpty() ? "" : join(query) + "&";
      for (String paging : PAGING) {
        found.add(probe(operation, "paging", path + "?" + prefix + paging, null));
      }
    }
    for (JsonNode parameter : operation.parameters("header")) {
      String name = parameter.path("name").asString();
      for (Map.Entry<String, String> value : badHeaderValues().entrySet()) {
        found.add(
            probe(operation, name + ": " + value.getKey(), path, body)
                .withHeader(name, value.getValue()));
      }
    }
    return found;
  }

  private static String join(Map<String, String> query) {
    List<String> pairs = new ArrayList<>();
    query.forEach((name, value) -> pairs.add(name + "=" + value));
    return String.join("&", pairs);
  }

  /** The operation's request with a valid body (or none): a probe of its path or query alone. */
  private Probe probe(Operation operation, String what, String path, ObjectNode body) {
    return body == null
        ? new Probe(operation, what, path, null, null, Map.of())
        : new Probe(operation, what, path, bytes(body), JSON_TYPE, Map.of());
  }

  private List<Probe> bodyProbes(Operation operation, String path, ObjectNode valid) {
    List<Probe> found = new ArrayList<>();
    Map<String, byte[]> raw = new LinkedHashMap<>();
    raw.put("truncated JSON", "{\"a\":".getBytes(StandardCharsets.UTF_8));
    raw.put("not JSON", "this is not json".getBytes(StandardCharsets.UTF_8));
    raw.put("trailing comma", "{\"a\": 1,}".getBytes(StandardCharsets.UTF_8));
    raw.put("empty", new byte[0]);
    raw.put("JSON array", "[]".getBytes(StandardCharsets.UTF_8));
    raw.put("JSON string", "\"text\"".getBytes(StandardCharsets.UTF_8));
    raw.put("JSON number", "42".getBytes(StandardCharsets.UTF_8));
    raw.put("JSON null", "null".getBytes(StandardCharsets.UTF_8));
    raw.put("raw NUL in JSON", "{\"a\":\"\u0000\"}".getBytes(StandardCharsets.UTF_8));
    raw.put("invalid UTF-8", new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'});
    raw.put("nested 5000 deep", ("[".repeat(5000) + "]".repeat(5000)).getBytes());
    raw.put("array of the valid body", ("[" + text(valid) + "]").getBytes(StandardCharsets.UTF_8));
    raw.forEach(
        (what, bytes) -> found.add(new Probe(operation, what, path, bytes, JSON_TYPE, Map.of())));

    for (String type :
        List.of(
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data")) {
      found.add(new Probe(operation, "content type " + type, path, bytes(valid), type, Map.of()));
    }
    ObjectNode unknown = valid.deepCopy();
    unknown.put("unexpected_field", "x");
    found.add(new Probe(operation, "unknown field", path, bytes(unknown), JSON_TYPE, Map.of()));

    JsonNode schema = document.resolve(operation.jsonBodySchema());
    for (Map.Entry<String, JsonNode> mutation : fieldMutations(schema, valid).entrySet()) {
      found.add(
          new Probe(
              operation, mutation.getKey(), path, bytes(mutation.getValue()), JSON_TYPE, Map.of()));
    }
    return found;
  }

  /**
   * Every field of the schema broken in turn: missing, null, of each wrong JSON type, and per type
   * the values that break storage or arithmetic; for a list of objects, its first item's fields
   * too.
   */
  private Map<String, JsonNode> fieldMutations(JsonNode schema, ObjectNode valid) {
    Map<String, JsonNode> mutations = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      String name = property.getKey();
      JsonNode propertySchema = document.resolve(property.getValue());
      String type = propertySchema.path("type").asString("string");
      Map<String, JsonNode> values = new LinkedHashMap<>();
      values.put("null", NODES.nullNode());
      values.put("object", NODES.objectNode().put("a", 1));
      values.put("boolean", NODES.booleanNode(true));
      switch (type) {
        case "integer", "number" -> {
          values.put("string", NODES.stringNode("not-a-number"));
          values.put("array", NODES.arrayNode().add(1));
          values.put("negative", NODES.numberNode(-1));
          values.put("fraction", NODES.numberNode(new BigDecimal("1.5")));
          values.put("10^12", NODES.numberNode(1_000_000_000_000L));
          values.put("10^30", NODES.numberNode(new BigInteger("1" + "0".repeat(30))));
          values.put("1e400", NODES.numberNode(new BigDecimal("1e400")));
          values.put("1e-400", NODES.numberNode(new BigDecimal("1e-400")));
        }
        case "array" -> {
          values.put("string", NODES.stringNode("text"));
          values.put("empty list", NODES.arrayNode());
          values.put("list of numbers", NODES.arrayNode().add(1).add(2));
          JsonNode items = document.resolve(propertySchema.path("items"));
          JsonNode first = valid.path(name).path(0);
          if (first instanceof ObjectNode item) {
            values.put("2000 items", repeated(item, 2000));
            for (Map.Entry<String, JsonNode> inner : fieldMutations(items, item).entrySet()) {
              values.put("item " + inner.getKey(), NODES.arrayNode().add(inner.getValue()));
            }
          }
        }
        case "boolean" -> values.put("string", NODES.stringNode("yes"));
        case "object" -> values.put("string", NODES.stringNode("text"));
        default -> {
          values.put("number", NODES.numberNode(12345));
          values.put("array", NODES.arrayNode().add("a"));
          values.put("empty", NODES.stringNode(""));
          values.put("unknown value", NODES.stringNode("zz-unknown-" + UUID.randomUUID()));
          values.put("1 MB", NODES.stringNode(HUGE));
          values.put("NUL", NODES.stringNode("a\u0000b"));
          values.put("BEL", NODES.stringNode("a\u0007b"));
          values.put("RTL override", NODES.stringNode("a\u202Eb"));
        }
      }
      ObjectNode missing = valid.deepCopy();
      missing.remove(name);
      mutations.put(name + ": missing", missing);
      values.forEach(
          (what, value) -> {
            ObjectNode changed = valid.deepCopy();
            changed.set(name, value);
            mutations.put(name + ": " + what, changed);
          });
    }
    return mutations;
  }

  private static ArrayNode repeated(ObjectNode item, int times) {
    ArrayNode list = NODES.arrayNode();
    for (int i = 0; i < times; i++) {
      list.add(item.deepCopy());
    }
    return list;
  }

  private static Map<String, String> badPathValues(String name) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put(
        "unknown",
        name.equals("id")
            ? "999999999"
            : "zzunknown" + UUID.randomUUID().toString().substring(0, 8));
    values.put("not a number", "abc");
    values.put("negative", "-1");
    values.put("zero", "0");
    values.put("20 digits", "99999999999999999999");
    values.put("NUL", "a%00b");
    values.put("BEL", "a%07b");
    values.put("invalid UTF-8", "%FF%FE");
    values.put("3000 characters", LONG);
    return values;
  }

  private static Map<String, String> badQueryValues(String name) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("unknown", "zz-unknown");
    values.put("empty", "");
    values.put("negative", "-1");
    values.put("20 digits", "99999999999999999999");
    values.put("NUL", "a%00b");
    values.put("BEL", "a%07b");
    values.put("invalid UTF-8", "%FF%FE");
    values.put("3000 characters", LONG);
    values.put("repeated", "a&" + name + "=b");
    return values;
  }

  private static Map<String, String> badHeaderValues() {
    return Map.of("empty", "", "3000 characters", LONG, "spaces", "   ");
  }

  // ---- valid requests, the base of each probe ----

  /**
   * Real ids for the operation's path parameters, so a probe of one parameter reaches its check.
   */
  private Map<String, String> ids(Operation operation) {
    Map<String, String> ids = new LinkedHashMap<>();
    String path = operation.path();
    for (JsonNode parameter : operation.parameters("path")) {
      String name = parameter.path("name").asString();
      String value =
          switch (name) {
            case "id" -> Long.toString(bystander.id());
            case "uid" ->
                path.startsWith("/orders/{uid}/status")
                    ? movedOrderUid
                    : path.startsWith("/orders/") ? editedOrderUid : snackUid;
            case "year" -> "2026";
            case "month" -> "3";
            case "day" -> "14";
            case "week" -> "2";
            default -> "zz-" + name;
          };
      ids.put(name, value);
    }
    return ids;
  }

  private static String fill(String template, Map<String, String> values) {
    String path = template;
    for (Map.Entry<String, String> value : values.entrySet()) {
      path = path.replace("{" + value.getKey() + "}", value.getValue());
    }
    return path;
  }

  /** A body that passes validation: known ones by hand, others from their schema. */
  private ObjectNode validBody(Operation operation) {
    ObjectNode body = NODES.objectNode();
    switch (operation.key()) {
      case "POST /auth/sign-up" ->
          body.put("email", Members.uniqueEmail("fuzz-signup"))
              .put("password", "Crunchy-" + UUID.randomUUID())
              .put("name", "Fuzz");
      case "POST /auth/token" ->
          body.put("email", bystander.email()).put("password", bystander.password());
      case "POST /auth/token/refresh", "POST /auth/token/revoke" ->
          body.put("refresh", bystanderRefresh);
      case "PUT /auth/users/{id}", "PATCH /auth/users/{id}" -> body.put("member_type", "MEMBER");
      case "POST /snacks", "PATCH /snacks/{uid}" ->
          body.put("name", "fuzz " + UUID.randomUUID())
              .put("url", "https://example.com/" + UUID.randomUUID())
              .put("desc", "fuzzed")
              .put("currency", "KRW")
              .put("price", 1000);
      case "POST /snacks/{uid}/reaction" -> body.put("type", "LIKE");
      case "POST /orders" -> body.set("snacks", items(newOrderSnackUid));
      case "PUT /orders/{uid}" -> body.set("snacks", items(editedOrderSnackUid));
      case "PUT /orders/{uid}/status", "PATCH /orders/{uid}/status" ->
          body.put("status", "CANCELLED");
      default -> fromSchema(document.resolve(operation.jsonBodySchema()), body);
    }
    return body;
  }

  private static ArrayNode items(String snack) {
    return NODES.arrayNode().add(NODES.objectNode().put("uid", snack).put("quantity", 1));
  }

  private void fromSchema(JsonNode schema, ObjectNode body) {
    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      JsonNode propertySchema = document.resolve(property.getValue());
      JsonNode example =
          propertySchema.has("enum")
              ? propertySchema.path("enum").path(0)
              : switch (propertySchema.path("type").asString("string")) {
                case "integer", "number" -> NODES.numberNode(1);
                case "boolean" -> NODES.booleanNode(true);
                case "array" -> NODES.arrayNode();
                case "object" -> NODES.objectNode();
                default -> NODES.stringNode("fuzz");
              };
      body.set(property.getKey(), example);
    }
  }

  private String snackUid(String purpose) {
    return snacks
        .register(member, "fuzz " + purpose + " " + UUID.randomUUID(), 1000)
        .path("uid")
        .asString();
  }

  private static byte[] bytes(JsonNode node) {
    return text(node).getBytes(StandardCharsets.UTF_8);
  }

  private static String text(JsonNode node) {
    return Api.JSON.writeValueAsString(node);
  }

  private static String abbreviate(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "…(" + text.length() + " chars)";
  }
}
