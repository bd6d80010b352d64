package com.snackmanager.snack;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.testsupport.ServiceDatabase;
import com.snackmanager.testsupport.SnackTestInfrastructure;
import com.snackmanager.testsupport.TestTokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The running snack-service on real PostgreSQL, Redis and Kafka, with access tokens checked by its
 * real JWKS-backed decoder. Every integration test class extends this, so they share one
 * application context and one database: each test makes its own snacks, with names no other test
 * uses.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.test.webtestclient.timeout=60s",
      // lists are cached until a write drops them: a long ttl makes every list test prove that
      // each write does
      "snack.lists.cache-ttl=1h"
    })
@AutoConfigureWebTestClient
public abstract class SnackServiceTest {

  private static final AtomicLong MEMBERS = new AtomicLong(1000);

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    SnackTestInfrastructure.get().register(ServiceDatabase.CATALOG, registry);
    TestTokens.get().register(registry);
  }

  @Autowired protected WebTestClient client;
  @Autowired protected DatabaseClient db;
  @LocalServerPort protected int port;

  /**
   * Every test request on a connection of its own. Reactor Netty 1.3.6's server can stop reading a
   * kept-alive connection when the next request arrives before the previous one's handling has
   * fully ended (reactor/reactor-netty#4361, fixed after 1.3.6): a pooled test client then waits
   * forever on that connection. Fresh connections keep these tests about the service; keep-alive is
   * the server library's to fix (reported to the lead).
   */
  @BeforeEach
  void oneConnectionPerRequest() {
    client = client.mutate().clientConnector(freshConnections()).build();
  }

  /** A WebClient for requests that really race each other, on connections of their own. */
  protected WebClient http() {
    return WebClient.builder()
        .clientConnector(freshConnections())
        .baseUrl("http://127.0.0.1:" + port)
        .build();
  }

  private static ReactorClientHttpConnector freshConnections() {
    return new ReactorClientHttpConnector(HttpClient.create(ConnectionProvider.newConnection()));
  }

  /** A demo-data snack from the shared fixtures: Korean name, won price, a real JPEG. */
  public record Fixture(String name, String url, String desc, String image, BigDecimal price) {

    /** The picture's bytes. */
    public byte[] imageBytes() {
      return resource("demo/snacks/" + image);
    }
  }

  /** Reads response bodies as they were written: 1.50 stays 1.50. */
  protected static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  protected static final List<Fixture> FIXTURES = fixtures();

  /** A member id no other test uses, so idempotency keys and counts never mix between tests. */
  protected static long newMemberId() {
    return MEMBERS.incrementAndGet();
  }

  protected static String member() {
    return TestTokens.get().member(newMemberId());
  }

  protected static String admin() {
    return TestTokens.get().admin(newMemberId());
  }

  /** A unique suffix for names, so tests never collide on the unique name. */
  protected static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  /** A JSON registration body from a fixture, its name made unique. */
  protected static Map<String, Object> jsonBody(Fixture fixture, String name) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("url", fixture.url());
    body.put("desc", fixture.desc());
    body.put("currency", "KRW");
    body.put("price", fixture.price());
    return body;
  }

  /** The picture bytes served at {@code path} (the test client's own buffer limit lifted). */
  protected byte[] picture(String path) {
    return client
        .mutate()
        .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
        .build()
        .get()
        .uri(path)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(byte[].class)
        .returnResult()
        .getResponseBody();
  }

  protected WebTestClient.ResponseSpec postJson(String path, String token, Object body) {
    var request = client.post().uri(path).contentType(MediaType.APPLICATION_JSON);
    if (token != null) {
      request = request.headers(h -> h.setBearerAuth(token));
    }
    return request.bodyValue(body).exchange();
  }

  protected WebTestClient.ResponseSpec patchJson(String path, String token, Object body) {
    var request = client.patch().uri(path).contentType(MediaType.APPLICATION_JSON);
    if (token != null) {
      request = request.headers(h -> h.setBearerAuth(token));
    }
    return request.bodyValue(body).exchange();
  }

  protected WebTestClient.ResponseSpec get(String path, String token) {
    var request = client.get().uri(path);
    if (token != null) {
      request = request.headers(h -> h.setBearerAuth(token));
    }
    return request.exchange();
  }

  /** A multipart form with the given text fields and (if not null) a file part "image". */
  protected static MultipartBodyBuilder form(
      Map<String, ?> fields, byte[] image, String filename, String contentType) {
    MultipartBodyBuilder form = new MultipartBodyBuilder();
    fields.forEach((name, value) -> form.part(name, String.valueOf(value)));
    if (image != null) {
      form.part(
              "image",
              new ByteArrayResource(image) {
                @Override
                public String getFilename() {
                  return filename;
                }
              })
          .contentType(MediaType.parseMediaType(contentType));
    }
    return form;
  }

  protected WebTestClient.ResponseSpec postForm(
      String token, MultipartBodyBuilder form, String idempotencyKey) {
    var request = client.post().uri("/snacks/").contentType(MediaType.MULTIPART_FORM_DATA);
    if (token != null) {
      request = request.headers(h -> h.setBearerAuth(token));
    }
    if (idempotencyKey != null) {
      request = request.header("Idempotency-Key", idempotencyKey);
    }
    return request.body(BodyInserters.fromMultipartData(form.build())).exchange();
  }

  /** Registers a snack by JSON (price in won) and returns it. */
  protected JsonNode register(String name) {
    return register(name, FIXTURES.get(0));
  }

  protected JsonNode register(String name, Fixture fixture) {
    return json(postJson("/snacks/", member(), jsonBody(fixture, name)), HttpStatus.CREATED);
  }

  /** Registers a snack with its fixture picture by multipart and returns it. */
  protected JsonNode registerWithImage(String name, Fixture fixture) {
    Map<String, Object> fields = jsonBody(fixture, name);
    return json(
        postForm(member(), form(fields, fixture.imageBytes(), fixture.image(), "image/jpeg"), null),
        HttpStatus.CREATED);
  }

  /** The JSON body of a response with the expected status. */
  protected static JsonNode json(WebTestClient.ResponseSpec response, HttpStatus status) {
    byte[] body =
        response.expectStatus().isEqualTo(status).expectBody().returnResult().getResponseBody();
    return JSON.readTree(body == null ? "null" : new String(body, StandardCharsets.UTF_8));
  }

  protected static void expectProblem(
      WebTestClient.ResponseSpec response, HttpStatus status, String detail) {
    response
        .expectStatus()
        .isEqualTo(status)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(status.value())
        .jsonPath("$.detail")
        .isEqualTo(detail);
  }

  /** The problem document of a 400 naming {@code field} in {@code errors}. */
  protected static JsonNode expectFieldError(WebTestClient.ResponseSpec response, String field) {
    JsonNode problem = json(response, HttpStatus.BAD_REQUEST);
    assertThat(problem.path("errors").has(field))
        .as("errors of %s name %s", problem, field)
        .isTrue();
    return problem;
  }

  protected long count(String sql, Object... bindings) {
    var spec = db.sql(sql);
    for (int i = 0; i < bindings.length; i++) {
      spec = spec.bind(i, bindings[i]);
    }
    return spec.map(row -> ((Number) row.get(0)).longValue()).one().block();
  }

  protected static void assertIsoTimestamp(JsonNode value) {
    assertThat(value.isString()).as("%s is a string", value).isTrue();
    assertThat(value.stringValue())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?(Z|[+-]\\d\\d:\\d\\d)");
  }

  private static List<Fixture> fixtures() {
    JsonNode list =
        JSON.readTree(new String(resource("demo/snacks/snacks.json"), StandardCharsets.UTF_8));
    List<Fixture> fixtures = new ArrayList<>();
    for (JsonNode snack : list) {
      fixtures.add(
          new Fixture(
              snack.get("name").stringValue(),
              snack.get("url").stringValue(),
              snack.get("desc").stringValue(),
              snack.get("image").stringValue(),
              snack.get("price").decimalValue()));
    }
    return List.copyOf(fixtures);
  }

  protected static byte[] resource(String path) {
    try (InputStream in = SnackServiceTest.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
