package nl.regioamersfoort.samenwerken.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.regioamersfoort.samenwerken.gemeente.Municipalities;
import nl.regioamersfoort.samenwerken.gemeente.Municipality;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Fictional people for the demo run, one per role and two per municipality, all with password
 * {@code demo}. The source documents name real officials; none of them appears here. Created by
 * {@link IdentitySetup} once the groups exist.
 */
@Component
@Profile(DemoUsers.PROFILE)
class DemoUsers {

    static final String PROFILE = "demo";
    static final String PASSWORD = "demo";

    /** municipality code → {wethouder first name, last name, beleidsambtenaar first name, last name} */
    private static final Map<String, String[]> LOCAL_PEOPLE = Map.of(
            "amersfoort", new String[] {"Marieke", "Bos", "Daan", "Visser"},
            "baarn", new String[] {"Johan", "Mulder", "Fatima", "El Amrani"},
            "bunschoten", new String[] {"Gerrit", "van der Veen", "Lotte", "Brouwer"},
            "eemnes", new String[] {"Els", "Hendriks", "Koen", "Dekker"},
            "leusden", new String[] {"Pieter", "van Dijk", "Noor", "Bakker"},
            "nijkerk", new String[] {"Anouk", "Smits", "Thijs", "Meijer"},
            "soest", new String[] {"Karin", "de Graaf", "Milan", "Janssen"},
            "woudenberg", new String[] {"Wim", "Kuipers", "Sophie", "Peters"});

    static final List<DemoUser> USERS = users();

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    private final IdentityService identityService;
    private final Municipalities municipalities;

    DemoUsers(IdentityService identityService, Municipalities municipalities) {
        this.identityService = identityService;
        this.municipalities = municipalities;
    }

    void create() {
        Set<String> existing = identityService.createUserQuery().list().stream().map(User::getId).collect(Collectors.toSet());
        int created = 0;
        for (DemoUser demo : USERS) {
            Set<String> memberOf = Set.of();
            if (existing.contains(demo.id())) {
                memberOf = identityService.createGroupQuery().groupMember(demo.id()).list().stream().map(Group::getId).collect(Collectors.toSet());
            } else {
                User user = identityService.newUser(demo.id());
                user.setFirstName(demo.firstName());
                user.setLastName(demo.lastName());
                user.setEmail(demo.id() + "@example.org");
                user.setPassword(PASSWORD);
                identityService.saveUser(user);
                created++;
            }
            for (String group : demo.groups()) {
                if (!memberOf.contains(group)) {
                    identityService.createMembership(demo.id(), group);
                }
            }
        }
        if (created > 0) {
            log.info("Created {} demo users (password '{}'); see README.md for the list", created, PASSWORD);
        }
    }

    private static List<DemoUser> users() {
        List<DemoUser> users = new ArrayList<>(List.of(
                new DemoUser("projectleider", "Sanne", "Vermeulen", Roles.PROJECTLEIDER),
                new DemoUser("adviseur", "Yusuf", "Demir", Roles.ADVISEUR),
                // The webapps insist on a member of camunda-admin, else they offer anyone to create one.
                new DemoUser("beheer", "Bram", "Smit", Roles.BEHEER, Groups.CAMUNDA_ADMIN),
                new DemoUser("stuurgroep", "Ingrid", "Kok", Roles.STUURGROEP_SD),
                new DemoUser("bosd", "Henk", "Willems", Roles.BOSD)));
        LOCAL_PEOPLE.keySet().stream().sorted().forEach(code -> {
            String[] names = LOCAL_PEOPLE.get(code);
            users.add(new DemoUser("wethouder." + code, names[0], names[1], Roles.wethouder(code)));
            users.add(new DemoUser("ambtenaar." + code, names[2], names[3], Roles.beleidsambtenaar(code)));
        });
        return List.copyOf(users);
    }

    record DemoUser(String id, String firstName, String lastName, String... groups) {
    }

    /** A demo person on the demo's login page: who, and their role in words. */
    record Persona(String id, String name, String role) {
    }

    /** Everyone, with the role a newcomer reads: "Wethouder Baarn", "Projectleider van het programma". */
    List<Persona> personas() {
        return USERS.stream().map(user -> new Persona(user.id(), user.firstName() + " " + user.lastName(), role(user.id()))).toList();
    }

    private String role(String id) {
        return switch (id) {
            case "projectleider" -> "Projectleider van het programma";
            case "adviseur" -> "Adviseur: ondersteunt de gemeenten";
            case "beheer" -> "Functioneel beheer";
            case "stuurgroep" -> "Lid van de stuurgroep Sociaal Domein";
            case "bosd" -> "Lid van het BOSD";
            default -> {
                String code = id.substring(id.indexOf('.') + 1);
                String municipality = municipalities.byCode(code).map(Municipality::getName).orElse(code);
                yield (id.startsWith("wethouder.") ? "Wethouder " : "Beleidsambtenaar ") + municipality;
            }
        };
    }
}
