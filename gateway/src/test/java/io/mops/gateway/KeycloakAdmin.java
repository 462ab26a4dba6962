package io.mops.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mops.testsupport.LocalStack;
import io.restassured.http.ContentType;

import static io.restassured.RestAssured.given;

/**
 * Keycloak's admin REST API with the bootstrap administrator {@code ./mops} starts Keycloak with, for what a test
 * must do as the realm's administrator (change a client, end a person's sessions).
 */
final class KeycloakAdmin {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final String realm;
    private final String token;

    KeycloakAdmin() {
        String oidc = LocalStack.ensureRunning().oidcUrl();
        int realms = oidc.indexOf("/realms/");
        this.base = oidc.substring(0, realms);
        this.realm = oidc.substring(realms + "/realms/".length());
        this.token = given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", "admin")
                .post(base + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    ObjectNode client(String clientId) {
        JsonNode found = read(given().auth().oauth2(token).queryParam("clientId", clientId)
                .get(base + "/admin/realms/" + realm + "/clients").then().statusCode(200).extract().asString());
        return (ObjectNode) found.get(0);
    }

    void updateClient(ObjectNode client) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(client.toString())
                .put(base + "/admin/realms/" + realm + "/clients/" + client.get("id").asText())
                .then().statusCode(204);
    }

    /** Ends every Keycloak session of {@code username}, as an administrator's "Sign out" does. */
    void logOut(String username) {
        JsonNode users = read(given().auth().oauth2(token).queryParam("username", username).queryParam("exact", true)
                .get(base + "/admin/realms/" + realm + "/users").then().statusCode(200).extract().asString());
        given().auth().oauth2(token).post(base + "/admin/realms/" + realm + "/users/" + users.get(0).get("id").asText()
                + "/logout").then().statusCode(204);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
