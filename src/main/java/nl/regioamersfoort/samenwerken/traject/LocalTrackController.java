package nl.regioamersfoort.samenwerken.traject;

import java.net.URI;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A local track during execution: a beleidsambtenaar proposes a new activity or conversation. */
@RestController
@RequestMapping("/api/trajecten")
class LocalTrackController {

    private final LocalActivities activities;

    LocalTrackController(LocalActivities activities) {
        this.activities = activities;
    }

    @PostMapping("/{trackId}/activiteiten")
    ResponseEntity<Map<String, Object>> propose(@PathVariable String trackId, @RequestBody Voorstel request, Authentication caller) {
        long id = activities.propose(trackId, request.titel(), request.partners(), caller);
        return ResponseEntity.created(URI.create("/api/trajecten/" + trackId + "/activiteiten/" + id))
                .body(Map.of("activiteitId", id, "status", ActivityStatus.VOORGESTELD.name()));
    }

    /** {@code partners}: the local partners, optional. */
    record Voorstel(String titel, String partners) {
    }
}
