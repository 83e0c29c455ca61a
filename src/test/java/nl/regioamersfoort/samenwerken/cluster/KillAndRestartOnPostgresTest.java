package nl.regioamersfoort.samenwerken.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.regioamersfoort.samenwerken.PostgresTestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Crash safety: Samenwerken in its own JVM on PostgreSQL, driven over HTTP to the middle of a
 * programme (tasks done, a wethouder's decision, a grant of activity money, deadline watches with
 * their reminder timers), then killed with SIGKILL as kill -9 or a power cut would, right after a
 * person's submission was answered 204. Started again on the same database, it has lost nothing
 * that was answered, doubled nothing, and the programme carries on.
 */
class KillAndRestartOnPostgresTest {

    static final ObjectMapper JSON = new ObjectMapper();

    AppNode node;

    @AfterEach
    void stopNode() {
        if (node != null) {
            node.stop();
        }
    }

    @Test
    void nothingAnsweredIsLostWhenTheNodeIsKilledAndTheProgrammeCarriesOnAfterARestart() throws Exception {
        String jdbcUrl = PostgresTestDatabase.jdbcUrl(PostgresTestDatabase.createDatabase());
        JdbcTemplate db = new JdbcTemplate(new DriverManagerDataSource(jdbcUrl, "postgres", ""));
        // A short job lock: jobs the killed JVM had locked are free again 20 s later instead of 5 minutes.
        node = AppNode.samenwerken("crash-node", jdbcUrl)
                .with("camunda.bpm.job-execution.lock-time-in-millis", "20000")
                .with("camunda.bpm.job-execution.max-wait", "5000")
                .start();

        // The middle of a programme in the current year, so activity money can be granted now.
        int year = LocalDate.now().getYear();
        HttpResponse<String> started = node.as("projectleider").post("/api/programmas", "application/json",
                "{\"naam\": \"Inclusie en diversiteit " + year + "-" + (year + 1) + "\", \"start\": \"" + year + "-01-01\","
                        + " \"einde\": \"" + (year + 1) + "-12-31\", \"gemeenten\": [\"baarn\", \"leusden\"]}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        String programme = JSON.readTree(started.body()).get("id").asText();
        String baarn = programme + "-baarn";
        String leusden = programme + "-leusden";

        expect204(node.as("ambtenaar.baarn").post("/engine-rest/task/" + node.awaitTaskId("ambtenaar.baarn", baarn,
                "inventarisatie-opstellen") + "/submit-form", "application/json", variables("watSpeeltLokaal", "Jongeren zoeken een plek",
                "mogelijkeVervolgstap", "Gesprek met het jongerenwerk")));
        discuss(baarn, "baarn", "inventarisatie-bespreken");
        node.awaitTaskId("ambtenaar.baarn", baarn, "maatwerkplan-opstellen");
        // Beside the plan, Baarn's wethouder consents to share the inventory.
        decide(baarn, "baarn");
        HttpResponse<String> requested = node.as("ambtenaar.baarn").post("/api/programmas/" + programme + "/activiteitengeld",
                "application/json", "{\"gemeente\": \"baarn\", \"activiteit\": \"Regenboogvlag en voorlichting\", \"bedrag\": \"750,00\","
                        + " \"doelgroepen\": [\"LHBTI\"], \"zichtbaarheid\": \"Zichtbaar op het gemeentehuis\"}");
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(201);
        decide(baarn, "baarn");
        awaitQuiet(db);
        Snapshot before = Snapshot.of(db);
        // The inventory's consent and the money, both decided by Baarn's wethouder.
        assertThat(before.decisions()).hasSize(2).allMatch(d -> d.endsWith("AKKOORD wethouder.baarn"))
                .anyMatch(d -> d.contains("TOESTEMMING_INVENTARISATIE")).anyMatch(d -> d.contains("ACTIVITEITENGELD"));
        assertThat(before.discussions()).singleElement().asString().endsWith("INVENTARISATIE " + baarn + " VERDER");
        assertThat(before.ledger()).singleElement().satisfies(entry -> assertThat(entry).contains("TOEKENNING 75000"));
        assertThat(before.tasks()).anyMatch(t -> t.contains("Maatwerkplan Baarn")).anyMatch(t -> t.contains("Inventarisatie Leusden"));
        assertThat(before.watches()).as("a deadline watch per task with a due date").hasSizeGreaterThanOrEqualTo(2);
        assertThat(before.timers()).as("the watches' reminder timers").isNotEmpty();

        // Leusden's inventory is answered 204, and in the same breath the node dies: no shutdown, no flush, nothing.
        String leusdenInventory = node.awaitTaskId("ambtenaar.leusden", leusden, "inventarisatie-opstellen");
        expect204(node.as("ambtenaar.leusden").post("/engine-rest/task/" + leusdenInventory + "/submit-form", "application/json",
                variables("watSpeeltLokaal", "Eenzaamheid onder ouderen", "mogelijkeVervolgstap", "Gesprek met de bibliotheek")));
        node.kill();

        Snapshot afterKill = Snapshot.of(db);
        // The submission opened the conversation about Leusden's inventory: the task is there, nothing recorded yet.
        assertThat(afterKill.decisions()).isEqualTo(before.decisions());
        assertThat(afterKill.discussions()).isEqualTo(before.discussions());
        assertThat(afterKill.ledger()).isEqualTo(before.ledger());
        assertThat(afterKill.tasks()).containsAll(before.tasks().stream().filter(t -> !t.startsWith(leusdenInventory)).toList())
                .noneMatch(t -> t.startsWith(leusdenInventory))
                .anyMatch(t -> t.contains("Inventarisatie Leusden bespreken met de wethouder"));
        List<String> watchesOfOpenTasks = before.watches().stream().filter(w -> !w.equals(leusdenInventory)).toList();
        assertThat(afterKill.watches()).containsAll(watchesOfOpenTasks).doesNotContain(leusdenInventory);
        assertThat(afterKill.timers()).containsAll(before.timers().stream().filter(t -> !t.contains(leusdenInventory)).toList());

        // Started again on the same database: the same state, nothing redeployed, nothing doubled.
        node.start();
        awaitQuiet(db);
        Snapshot restarted = Snapshot.of(db);
        assertThat(restarted).isEqualTo(afterKill);
        System.out.printf("%nCRASH kept across kill -9 and restart: %d open tasks, %d decisions, %d ledger entries, %d deadline watches,"
                + " %d timer jobs, %d process definitions; restart ready after %d ms%n%n", restarted.tasks().size(),
                restarted.decisions().size(), restarted.ledger().size(), restarted.watches().size(), restarted.timers().size(),
                restarted.definitions().size(), node.readyAfter().toMillis());
        assertThat(db.queryForObject("select count(*) from act_ru_incident", Integer.class)).as("incidents").isZero();

        // And the programme carries on, on the restarted node: Baarn's plan, Leusden's decision.
        expect204(node.as("ambtenaar.baarn").post("/engine-rest/task/" + node.awaitTaskId("ambtenaar.baarn", baarn, "maatwerkplan-opstellen")
                + "/submit-form", "application/json", variables("planSamenvatting", "Zichtbaarheid vergroten", "activiteiten",
                "Voorlichting op scholen")));
        node.awaitTaskId("ambtenaar.baarn", baarn, "maatwerkplan-bespreken");
        discuss(leusden, "leusden", "inventarisatie-bespreken");
        node.awaitTaskId("ambtenaar.leusden", leusden, "maatwerkplan-opstellen");
        assertThat(Snapshot.of(db).discussions()).startsWith(before.discussions().toArray(String[]::new))
                .anyMatch(d -> d.endsWith("INVENTARISATIE " + leusden + " VERDER"));
    }

    /** One pass through the wethouder-besluit gate: the beleidsambtenaar prepares, the wethouder says akkoord. */
    private void decide(String businessKey, String municipality) {
        expect204(node.as("ambtenaar." + municipality).post("/engine-rest/task/" + node.awaitTaskId("ambtenaar." + municipality,
                businessKey, "besluit-voorbereiden") + "/complete", "application/json", variables("voorstel", "Graag akkoord")));
        expect204(node.as("wethouder." + municipality).post("/engine-rest/task/" + node.awaitTaskId("wethouder." + municipality,
                businessKey, "besluit-nemen") + "/complete", "application/json", variables("uitkomst", "akkoord", "motivering",
                "Past in wat we lokaal willen")));
    }

    /** The beleidsambtenaar records the conversation with the wethouder, held today: the text goes on. */
    private void discuss(String businessKey, String municipality, String taskKey) {
        expect204(node.as("ambtenaar." + municipality).post("/engine-rest/task/" + node.awaitTaskId("ambtenaar." + municipality,
                businessKey, taskKey) + "/submit-form", "application/json", variables("gespreksdatum", LocalDate.now().toString(),
                "deelnemers", "Wethouder en beleidsambtenaar", "afspraken", "Verder met het plan", "uitkomst", "verder")));
    }

    private static void expect204(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }

    private static String variables(String... keyValues) {
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            entries.add("\"" + keyValues[i] + "\": {\"value\": \"" + keyValues[i + 1] + "\"}");
        }
        return "{\"variables\": {" + String.join(", ", entries) + "}}";
    }

    /** Until no job is due: what the node does in the background after an answer has settled. */
    private static void awaitQuiet(JdbcTemplate db) {
        Await.until(Duration.ofMinutes(2), () -> db.queryForObject("select count(*) from act_ru_job where retries_ > 0"
                + " and suspension_state_ = 1 and (duedate_ is null or duedate_ <= ?)", Integer.class,
                new Timestamp(System.currentTimeMillis())) == 0, () -> "due jobs left");
    }

    /**
     * What must survive, read from the database: open tasks, decisions, recorded conversations, ledger, deadline watches
     * and their timers, deployments.
     */
    record Snapshot(List<String> tasks, List<String> decisions, List<String> discussions, List<String> ledger, List<String> watches,
            List<String> timers, List<String> definitions) {

        static Snapshot of(JdbcTemplate db) {
            return new Snapshot(
                    db.queryForList("select id_ || ' ' || name_ || ' ' || coalesce(to_char(due_date_, 'YYYY-MM-DD HH24:MI'), '-')"
                            + " from act_ru_task order by id_", String.class),
                    db.queryForList("select id || ' ' || subject_type || ' ' || subject_ref || ' ' || coalesce(outcome, '-') || ' '"
                            + " || coalesce(decided_by, '-') from decision order by id", String.class),
                    db.queryForList("select id || ' ' || subject || ' ' || track_id || ' ' || outcome from discussion order by id",
                            String.class),
                    db.queryForList("select id || ' ' || kind || ' ' || amount_cents || ' ' || municipality_code from ledger_entry order by id",
                            String.class),
                    db.queryForList("select e.business_key_ from act_ru_execution e join act_re_procdef d on d.id_ = e.proc_def_id_"
                            + " where e.id_ = e.proc_inst_id_ and d.key_ = 'taakbewaking' order by 1", String.class),
                    db.queryForList("select j.id_ || ' ' || to_char(j.duedate_, 'YYYY-MM-DD HH24:MI') || ' ' || e.business_key_"
                            + " from act_ru_job j join act_ru_execution e on e.id_ = j.process_instance_id_ where j.type_ = 'timer'"
                            + " order by j.id_", String.class),
                    db.queryForList("select key_ || ':' || version_ from act_re_procdef order by 1", String.class));
        }
    }
}
