package nl.regioamersfoort.samenwerken.gemeente;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.regioamersfoort.samenwerken.DemoApplicationTest;
import nl.regioamersfoort.samenwerken.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@DemoApplicationTest
class MunicipalityApiTest {

    @LocalServerPort
    int port;

    @Autowired
    MunicipalityRepository municipalities;

    @Test
    void listsTheEightMunicipalitiesWithFundingAndMembership() throws Exception {
        HttpResponse<String> response = Http.basic(port, "ambtenaar.woudenberg", "demo").get("/api/gemeenten");
        assertThat(response.statusCode()).isEqualTo(200);

        Map<String, JsonNode> byCode = new LinkedHashMap<>();
        new ObjectMapper().readTree(response.body()).forEach(node -> byCode.put(node.get("code").asText(), node));
        assertThat(byCode).containsOnlyKeys("amersfoort", "baarn", "bunschoten", "eemnes", "leusden", "nijkerk", "soest", "woudenberg");

        // Amersfoort takes part in the regional track only (seed 000, footnote 1).
        assertThat(byCode.get("amersfoort").get("gefinancierd").asBoolean()).isFalse();
        for (String funded : new String[] {"baarn", "bunschoten", "leusden", "soest", "woudenberg"}) {
            assertThat(byCode.get(funded).get("gefinancierd").asBoolean()).as(funded).isTrue();
            assertThat(byCode.get(funded).get("lidVanaf").asText()).as(funded).isEqualTo("2021-10-14");
        }
        // Eemnes and Nijkerk join from 2024 (seed 001).
        assertThat(byCode.get("eemnes").get("lidVanaf").asText()).isEqualTo("2024-01-01");
        assertThat(byCode.get("nijkerk").get("lidVanaf").asText()).isEqualTo("2024-01-01");
        assertThat(byCode.get("baarn").get("naam").asText()).isEqualTo("Baarn");
        assertThat(byCode.get("baarn").get("vaststellendOrgaan").asText()).isEqualTo("PORTEFEUILLEHOUDER");
        assertThat(byCode.get("baarn").get("lidTot").isNull()).isTrue();
    }

    @Test
    void membershipFollowsTheJoinDate() {
        Municipality eemnes = municipalities.findById("eemnes").orElseThrow();
        assertThat(eemnes.isMemberOn(java.time.LocalDate.of(2023, 12, 31))).isFalse();
        assertThat(eemnes.isMemberOn(java.time.LocalDate.of(2024, 1, 1))).isTrue();
        assertThat(municipalities.findAll()).filteredOn(m -> m.isMemberOn(java.time.LocalDate.of(2022, 4, 1)))
                .extracting(Municipality::getCode)
                .containsExactlyInAnyOrder("amersfoort", "baarn", "bunschoten", "leusden", "soest", "woudenberg");
    }
}
