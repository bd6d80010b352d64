package com.snackmanager.defaults.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.web.method.HandlerMethod;

/** What {@link AnnotatedOperations} and {@link ApiConventions} add to a service's document. */
class ApiDocsConventionsTest {

  /** Handlers as a service declares them. */
  static class Handlers {

    @Paginated
    @ProblemResponse(status = 400, detail = "Unknown ordering field.", field = "ordering")
    @ProblemResponse(status = 403)
    void adminList() {}

    @ProblemResponse(status = 404, detail = "Snack not found.")
    @ProblemResponse(status = 404, detail = "This snack has no image.")
    void publicPicture() {}

    void register() {}
  }

  private final AnnotatedOperations annotated = new AnnotatedOperations();
  private final ApiConventions conventions = new ApiConventions();

  @Test
  void aPaginatedAdminListGetsPagingItsProblemsAndTheSharedOnes() throws Exception {
    Operation list = operation("adminList", "Members");
    OpenAPI api = document("/auth/users", PathItem.HttpMethod.GET, list);

    assertThat(list.getParameters()).extracting(Parameter::getName).contains("page", "page_size");
    assertThat(list.getResponses().get("200").getHeaders()).containsKeys("X-Total-Count", "Link");
    assertThat(list.getResponses().keySet())
        .containsExactly("200", "400", "401", "403", "429", "503");
    Map<String, Object> forbidden = example(list, "403", 0);
    assertThat(forbidden)
        .containsEntry("status", 403)
        .containsEntry("detail", "You do not have permission to perform this action.")
        .containsEntry("instance", "/auth/users");
    Map<String, Object> ordering = example(list, "400", 0);
    assertThat(ordering)
        .containsEntry("errors", Map.of("ordering", List.of(ordering.get("detail"))));
    // the paging problem reads its field from its detail
    assertThat(example(list, "400", 1).get("errors"))
        .isEqualTo(Map.of("page_size", List.of("Must be a whole number from 1 to 1000.")));
    assertThat(api.getComponents().getSchemas()).containsKey("Problem");
    assertThat(problem(list, "401").getSchema().get$ref())
        .isEqualTo("#/components/schemas/Problem");
  }

  @Test
  void aPublicOperationHasNo401AndKeepsEveryExampleOfOneStatus() throws Exception {
    Operation picture = operation("publicPicture", "Snacks");
    picture.setSecurity(List.of());
    document("/snacks/{uid}/image", PathItem.HttpMethod.GET, picture);

    assertThat(picture.getResponses().keySet()).containsExactly("200", "404", "429", "503");
    assertThat(problem(picture, "404").getExamples().keySet())
        .containsExactly("Snack not found.", "This snack has no image.");
  }

  @Test
  void anOperationWithABodyDocumentsItsBodyErrors() throws Exception {
    Operation register = operation("register", "Snacks");
    register.setRequestBody(new RequestBody());
    document("/snacks", PathItem.HttpMethod.POST, register);

    assertThat(register.getResponses().keySet())
        .containsExactly("200", "400", "401", "413", "415", "429", "503");
    assertThat(example(register, "400", 0)).containsEntry("detail", "Malformed JSON request body.");
  }

  @Test
  void tagsAreDescribedAndInTheOrderAFrontendUsesThem() throws Exception {
    OpenAPI api = new OpenAPI().paths(new Paths());
    api.getPaths()
        .addPathItem("/orders", new PathItem().get(operation("register", ApiTags.ORDERS)))
        .addPathItem("/auth/token", new PathItem().post(operation("register", ApiTags.TOKENS)))
        .addPathItem("/auth/sign-up", new PathItem().post(operation("register", ApiTags.MEMBERS)));
    conventions.customise(api);

    assertThat(api.getTags())
        .extracting(Tag::getName)
        .containsExactly("Members", "Tokens", "Orders");
    assertThat(api.getTags()).allSatisfy(tag -> assertThat(tag.getDescription()).isNotBlank());
  }

  private Operation operation(String handler, String tag) throws NoSuchMethodException {
    Operation operation =
        new Operation()
            .addTagsItem(tag)
            .responses(
                new ApiResponses().addApiResponse("200", new ApiResponse().description("OK")));
    return annotated.customize(
        operation, new HandlerMethod(new Handlers(), Handlers.class.getDeclaredMethod(handler)));
  }

  private OpenAPI document(String path, PathItem.HttpMethod method, Operation operation) {
    PathItem item = new PathItem();
    item.operation(method, operation);
    OpenAPI api = new OpenAPI().paths(new Paths().addPathItem(path, item));
    conventions.customise(api);
    return api;
  }

  private static MediaType problem(Operation operation, String status) {
    return operation.getResponses().get(status).getContent().get("application/problem+json");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> example(Operation operation, String status, int index) {
    List<Example> examples = List.copyOf(problem(operation, status).getExamples().values());
    return (Map<String, Object>) examples.get(index).getValue();
  }
}
