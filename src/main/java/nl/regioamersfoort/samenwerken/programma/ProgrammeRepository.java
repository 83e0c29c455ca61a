package nl.regioamersfoort.samenwerken.programma;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ProgrammeRepository extends JpaRepository<Programme, String> {

    List<Programme> findAllByOrderByStartDesc();
}
