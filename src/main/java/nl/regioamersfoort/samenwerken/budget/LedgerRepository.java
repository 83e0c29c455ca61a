package nl.regioamersfoort.samenwerken.budget;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface LedgerRepository extends JpaRepository<LedgerEntry, Long> {

    List<LedgerEntry> findByProgrammeIdAndYearOrderByIdAsc(String programmeId, int year);

    @Query("select coalesce(sum(e.amountCents), 0) from LedgerEntry e where e.programmeId = ?1 and e.year = ?2"
            + " and e.municipalityCode = ?3 and e.kind in (nl.regioamersfoort.samenwerken.budget.LedgerKind.TOEKENNING,"
            + " nl.regioamersfoort.samenwerken.budget.LedgerKind.TERUGBETALING)")
    long spentCents(String programmeId, int year, String municipalityCode);

    @Query("select coalesce(-sum(e.amountCents), 0) from LedgerEntry e where e.requestId = ?1"
            + " and e.kind = nl.regioamersfoort.samenwerken.budget.LedgerKind.TERUGBETALING")
    long refundedCents(Long requestId);

    @Query("select coalesce(sum(e.hours), 0) from LedgerEntry e where e.programmeId = ?1 and e.year = ?2"
            + " and e.kind = nl.regioamersfoort.samenwerken.budget.LedgerKind.UREN")
    BigDecimal hours(String programmeId, int year);
}
