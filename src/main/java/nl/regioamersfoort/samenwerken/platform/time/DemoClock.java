package nl.regioamersfoort.samenwerken.platform.time;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Demo only: a new user cannot wait two years to see the cycle move. Moves the demo's time
 * ({@link DemoTime}), which then runs on from that moment, so the job executor fires timers,
 * reminders and escalations as it would on those days. Outside the demo profile this endpoint does
 * not exist; beheer also moves the time from the dashboard ({@link DemoTimePage}).
 */
@RestController
@Profile("demo")
@RequestMapping("/api/demo/klok")
public class DemoClock {

    private final DemoTime demoTime;

    DemoClock(DemoTime demoTime) {
        this.demoTime = demoTime;
    }

    @GetMapping
    Map<String, Object> show() {
        return Map.of("datum", EngineClock.now().toString(), "demo", demoTime.isSet());
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> set(@RequestBody(required = false) KlokInstelling body) {
        Object value = body == null ? null : body.datum();
        LocalDateTime date;
        try {
            date = LocalDateTime.parse(String.valueOf(value));
        } catch (DateTimeParseException e) {
            return ResponseEntity.badRequest().body(Map.of("melding",
                    "Geef een datum en tijd als jjjj-mm-ddTuu:mm:ss, bijvoorbeeld {\"datum\": \"2022-04-20T09:00:00\"}."));
        }
        if (date.getYear() < 2000 || date.getYear() > 2100) {
            return ResponseEntity.badRequest().body(Map.of("melding", "Kies een datum tussen 2000 en 2100."));
        }
        demoTime.moveTo(date);
        return ResponseEntity.ok(show());
    }

    @DeleteMapping
    Map<String, Object> reset() {
        demoTime.reset();
        return show();
    }

    /** The date is read as text here, so a wrong one gets this endpoint's own example in the answer. */
    record KlokInstelling(String datum) {
    }
}
