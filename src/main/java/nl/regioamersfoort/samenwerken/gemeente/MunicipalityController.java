package nl.regioamersfoort.samenwerken.gemeente;

import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/gemeenten")
class MunicipalityController {

    private final MunicipalityRepository municipalities;

    MunicipalityController(MunicipalityRepository municipalities) {
        this.municipalities = municipalities;
    }

    @GetMapping
    List<Gemeente> list() {
        return municipalities.findAllByOrderByNameAsc().stream().map(Gemeente::of).toList();
    }

    /** The public (Dutch) shape of a municipality in the API. */
    record Gemeente(String code, String naam, boolean gefinancierd, AdoptingBody vaststellendOrgaan,
            LocalDate lidVanaf, LocalDate lidTot) {

        static Gemeente of(Municipality m) {
            return new Gemeente(m.getCode(), m.getName(), m.isFunded(), m.getAdoptingBody(),
                    m.getMemberFrom(), m.getMemberUntil());
        }
    }
}
