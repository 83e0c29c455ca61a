package nl.regioamersfoort.samenwerken.traject;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import nl.regioamersfoort.samenwerken.platform.time.EngineClock;
import nl.regioamersfoort.samenwerken.programma.TrackStatuses;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

@Component
class LocalTrackStatuses implements TrackStatuses {

    private final LocalTrackRepository tracks;
    private final TaskService taskService;

    LocalTrackStatuses(LocalTrackRepository tracks, TaskService taskService) {
        this.tracks = tracks;
        this.taskService = taskService;
    }

    @Override
    public Optional<TrackStatus> of(String programmeId, String municipalityCode) {
        String trackId = programmeId + "-" + municipalityCode;
        return tracks.findById(trackId).map(track -> new TrackStatus(track.getPhase().name(), nextDue(trackId)));
    }

    private LocalDate nextDue(String trackId) {
        return taskService.createTaskQuery().processInstanceBusinessKey(trackId).list().stream()
                .map(Task::getDueDate)
                .filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                .map(due -> due.toInstant().atZone(EngineClock.ZONE).toLocalDate())
                .orElse(null);
    }
}
