package nl.regioamersfoort.samenwerken.programma;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ProgrammeRepository extends JpaRepository<Programme, String> {

    List<Programme> findAllByOrderByStartDesc();
}
