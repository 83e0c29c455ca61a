package nl.regioamersfoort.samenwerken.traject;

import org.springframework.data.jpa.repository.JpaRepository;

interface LocalTrackRepository extends JpaRepository<LocalTrack, String> {
}
