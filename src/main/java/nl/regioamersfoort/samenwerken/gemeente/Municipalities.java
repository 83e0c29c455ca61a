package nl.regioamersfoort.samenwerken.gemeente;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The front door of the reference data: the region's municipalities, read-only for every feature. */
@Component
@Transactional(readOnly = true)
public class Municipalities {

    private final MunicipalityRepository municipalities;

    Municipalities(MunicipalityRepository municipalities) {
        this.municipalities = municipalities;
    }

    /** The municipality with this code (lower case, as in the group names: {@code baarn}). */
    public Optional<Municipality> byCode(String code) {
        return code == null ? Optional.empty() : municipalities.findById(code);
    }

    /** All municipalities of the region, by name. */
    public List<Municipality> all() {
        return municipalities.findAllByOrderByNameAsc();
    }
}
