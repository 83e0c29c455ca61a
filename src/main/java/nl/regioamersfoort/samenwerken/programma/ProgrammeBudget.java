package nl.regioamersfoort.samenwerken.programma;

import java.math.BigDecimal;

/** A programme's yearly budget: the ministry's grant and the activity money per funded municipality in cents, the adviser's hours. */
public record ProgrammeBudget(long ministryCents, long activityMoneyCents, BigDecimal adviserHours) {
}
