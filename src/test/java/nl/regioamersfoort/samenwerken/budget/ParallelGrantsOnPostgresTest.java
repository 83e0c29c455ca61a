package nl.regioamersfoort.samenwerken.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.regioamersfoort.samenwerken.PostgresTestDatabase;
import nl.regioamersfoort.samenwerken.ProcessDriver;
import nl.regioamersfoort.samenwerken.programma.NewProgramme;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * On a real PostgreSQL: four wethouder decisions of 1,000 euro each, taken at the same moment for a
 * 3,000 euro budget; the lock on the municipality's year lets exactly three grants through. And
 * eight bookings of hours at the same moment near the cap: the lock on the programme lets exactly
 * those through that fit, and the rest wait for the projectleider.
 */
@SpringBootTest
@ActiveProfiles({"demo", "postgres", "test"})
class ParallelGrantsOnPostgresTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }

    @Autowired
    ProcessEngine engine;
    @Autowired
    Programmes programmes;
    @Autowired
    ActivityMoney activityMoney;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    LedgerRepository ledger;
    @Autowired
    YearlyAccounts yearlyAccounts;
    @Autowired
    AdviserHours adviserHours;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void parallelGrantsNeverExceedTheBudget() throws Exception {
        ClockUtil.setCurrentTime(ProcessDriver.at("2060-03-01T09:00:00"));
        String programme = programmes.start(new NewProgramme("Inclusie en diversiteit 2060-2061", LocalDate.of(2060, 1, 1),
                LocalDate.of(2061, 12, 31), List.of("woudenberg"), null, null, null, null, null, null), "projectleider").getId();
        ProcessDriver driver = new ProcessDriver(engine);
        for (int i = 0; i < 4; i++) {
            runtimeService.startProcessInstanceByKey("activiteitengeld-aanvraag", programme + "-woudenberg", java.util.Map.of(
                    "programmaId", programme, "gemeente", "woudenberg", "activiteit", "Activiteit " + i, "bedrag", "1000",
                    "doelgroepen", "LHBTI", "zichtbaarheid", "Zichtbaar"));
        }
        driver.tasks(programme + "-woudenberg", "besluit-voorbereiden")
                .forEach(t -> driver.complete(t, "ambtenaar.woudenberg", "voorstel", "Graag akkoord"));
        List<Task> decisions = driver.tasks(programme + "-woudenberg", "besluit-nemen");
        assertThat(decisions).hasSize(4);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> results = new ArrayList<>();
        for (Task decision : decisions) {
            results.add(pool.submit(() -> {
                start.await();
                new ProcessDriver(engine).complete(decision, "wethouder.woudenberg", "uitkomst", "akkoord", "motivering", "Ja");
                return null;
            }));
        }
        start.countDown();
        for (Future<?> result : results) {
            result.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        List<LedgerEntry> grants = ledger.findByProgrammeIdAndYearOrderByIdAsc(programme, 2060);
        assertThat(grants).hasSize(3);
        assertThat(grants.stream().mapToLong(LedgerEntry::getAmountCents).sum()).isEqualTo(300_000L);
        YearlyAccount account = yearlyAccounts.of(programme, 2060);
        assertThat(account.money()).singleElement().satisfies(m -> {
            assertThat(m.grantedCents()).isEqualTo(300_000L);
            assertThat(m.remainingCents()).isZero();
        });
    }

    @Test
    void parallelHourBookingsNeverSlipBeyondTheCapUnapproved() throws Exception {
        ClockUtil.setCurrentTime(ProcessDriver.at("2062-06-30T17:00:00"));
        String programme = programmes.start(new NewProgramme("Inclusie en diversiteit 2062-2063", LocalDate.of(2062, 1, 1),
                LocalDate.of(2063, 12, 31), List.of("baarn"), null, null, null, null, null, null), "projectleider").getId();
        LocalDate day = LocalDate.of(2062, 6, 30);
        for (int i = 0; i < 16; i++) {
            adviserHours.book(programme, "baarn", "24", day, "Voorbereiding " + i, "adviseur");
        }
        // 384 of 400 booked: of eight bookings of 4 hours at the same moment, four fit and four wait for approval.
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<AdviserHours.Outcome>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int n = i;
            results.add(pool.submit(() -> {
                start.await();
                return adviserHours.book(programme, null, "4", day, "Regionaal overleg " + n, "adviseur");
            }));
        }
        start.countDown();
        int booked = 0;
        for (Future<AdviserHours.Outcome> result : results) {
            booked += result.get(60, TimeUnit.SECONDS).entry() != null ? 1 : 0;
        }
        pool.shutdown();

        assertThat(booked).isEqualTo(4);
        assertThat(ledger.hours(programme, 2062)).isEqualByComparingTo("400");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(AdviserHours.APPROVAL_PROCESS)
                .processInstanceBusinessKey(programme + "-uren-2062").count()).isEqualTo(4);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(AdviserHours.SIGNAL_PROCESS)
                .processInstanceBusinessKey(programme + "-uren-2062").count()).as("80% and 100%, once each").isEqualTo(2);
    }
}
