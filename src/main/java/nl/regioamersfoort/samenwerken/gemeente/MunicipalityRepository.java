package nl.regioamersfoort.samenwerken.gemeente;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface MunicipalityRepository extends JpaRepository<Municipality, String> {

    List<Municipality> findAllByOrderByNameAsc();
}
