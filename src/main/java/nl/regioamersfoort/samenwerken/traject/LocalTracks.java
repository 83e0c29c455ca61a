package nl.regioamersfoort.samenwerken.traject;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The front door of the local tracks for other features: a track, its conversations, progress talks and its
 * activities, read-only. (The process glue the models call is the bean {@code localTracks},
 * {@link LocalTrackProcess}; hence this bean's own name.)
 */
@Component("localTrackRecords")
@Transactional(readOnly = true)
public class LocalTracks {

    private final LocalTrackRepository tracks;
    private final ProgressTalkRepository talks;
    private final DiscussionRepository discussions;
    private final LocalActivityRepository activities;

    LocalTracks(LocalTrackRepository tracks, ProgressTalkRepository talks, DiscussionRepository discussions, LocalActivityRepository activities) {
        this.tracks = tracks;
        this.talks = talks;
        this.discussions = discussions;
        this.activities = activities;
    }

    public Optional<LocalTrack> byId(String trackId) {
        return tracks.findById(trackId);
    }

    /** The progress talks with the wethouder, oldest first. */
    public List<ProgressTalk> talks(String trackId) {
        return talks.findByTrackIdOrderByHeldAtAsc(trackId);
    }

    /** The recorded conversations about the inventory and the plan, oldest first. */
    public List<Discussion> discussions(String trackId) {
        return discussions.findByTrackIdOrderByIdAsc(trackId);
    }

    /** The track's planned activities, in the plan's order. */
    public List<LocalActivity> activities(String trackId) {
        return activities.findByTrackIdOrderByPositionAsc(trackId);
    }

    public Optional<LocalActivity> activity(long activityId) {
        return activities.findById(activityId);
    }
}
