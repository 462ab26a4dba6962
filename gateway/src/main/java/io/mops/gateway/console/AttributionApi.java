package io.mops.gateway.console;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** attribution-service's credit of stored journeys, called with the signed-in person's token. */
@RegisterRestClient(configKey = "attribution")
@Path("/attribution/journeys/credit")
public interface AttributionApi {

    /** The models the console compares, in the order attribution-service lists them (markov-1: first order). */
    List<String> MODELS = List.of("first-touch", "last-touch", "linear", "position-based", "time-decay", "markov-1",
            "shapley");

    /** Only the figures the console shows of {@code GET /attribution/journeys/credit}. */
    record WindowCredit(LocalDate from, LocalDate to, int lookbackDays, long journeys, long unattributedConversions,
                        BigDecimal unattributedValue, Credit credit) {
    }

    record Credit(String currency, List<String> models, long totalConversions, BigDecimal totalConversionValue,
                  List<ChannelRow> channels) {

        public List<String> models() {
            return models == null ? List.of() : models;
        }

        public List<ChannelRow> channels() {
            return channels == null ? List.of() : channels;
        }
    }

    /** @param credit model name to the conversions and value it credits the channel with */
    record ChannelRow(String channel, Map<String, ModelCredit> credit) {

        public Map<String, ModelCredit> credit() {
            return credit == null ? Map.of() : credit;
        }
    }

    record ModelCredit(BigDecimal conversions, BigDecimal value) {
    }

    @GET
    Uni<WindowCredit> credit(@HeaderParam("Authorization") String bearer, @QueryParam("from") LocalDate from,
                             @QueryParam("to") LocalDate to, @QueryParam("currency") String currency,
                             @QueryParam("model") List<String> models);
}
