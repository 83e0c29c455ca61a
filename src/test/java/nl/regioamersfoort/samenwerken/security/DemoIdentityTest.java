package nl.regioamersfoort.samenwerken.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.regioamersfoort.samenwerken.DemoApplicationTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@DemoApplicationTest
class DemoIdentityTest {

    static final List<String> CODES = List.of("amersfoort", "baarn", "bunschoten", "eemnes", "leusden", "nijkerk", "soest", "woudenberg");

    @Autowired
    IdentityService identityService;

    @Test
    void everyRoleAndEveryMunicipalityHasItsGroup() {
        List<String> groups = identityService.createGroupQuery().list().stream().map(Group::getId).toList();
        assertThat(groups).contains("projectleider", "adviseur", "stuurgroep-sd", "bosd", "beheer");
        for (String code : CODES) {
            assertThat(groups).contains("wethouder-" + code, "beleidsambtenaar-" + code);
        }
        assertThat(identityService.createGroupQuery().groupId("wethouder-baarn").singleResult().getName()).isEqualTo("Wethouder Baarn");
    }

    @Test
    void everyDemoPersonExistsWithAnExampleAddressTheirGroupAndPasswordDemo() {
        List<String> expected = new java.util.ArrayList<>(List.of("projectleider", "adviseur", "beheer", "stuurgroep", "bosd"));
        CODES.forEach(code -> expected.addAll(List.of("wethouder." + code, "ambtenaar." + code)));
        assertThat(expected).hasSize(21);

        for (String id : expected) {
            User user = identityService.createUserQuery().userId(id).singleResult();
            assertThat(user).as(id).isNotNull();
            assertThat(user.getEmail()).isEqualTo(id + "@example.org");
            assertThat(user.getFirstName()).isNotBlank();
            assertThat(identityService.checkPassword(id, "demo")).as(id).isTrue();
        }
        assertThat(member("wethouder.leusden")).containsExactly("wethouder-leusden");
        assertThat(member("ambtenaar.leusden")).containsExactly("beleidsambtenaar-leusden");
        assertThat(member("stuurgroep")).containsExactly("stuurgroep-sd");
        assertThat(member("beheer")).containsExactlyInAnyOrder("beheer", "camunda-admin");
    }

    private List<String> member(String userId) {
        return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    }
}
