package io.mops.qa;

import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.PackagedServiceTest;
import io.mops.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

@QuarkusIntegrationTest
@WithTestResource(MopsInfra.class)
class PackagedQaIT extends PackagedServiceTest {

    private final String brand = "packaged-" + UUID.randomUUID().toString().substring(0, 8);

    @Override
    protected String protectedRead() {
        return "/qa/brands/" + brand + "/examples";
    }

    /** The ONNX runtime behind the embedding model is loaded parent-first; the packaged jar once lacked its logger. */
    @Test
    void embedsBrandExamplesInThePackagedService() {
        given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON)
                .body(Map.of("stance", "APPROVED", "text", "Warm jackets for cold days."))
                .post("/qa/brands/" + brand + "/examples")
                .then().statusCode(201).body("model", equalTo("all-minilm-l6-v2"));
    }
}
