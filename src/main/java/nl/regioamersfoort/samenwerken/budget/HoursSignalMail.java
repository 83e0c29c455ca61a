package nl.regioamersfoort.samenwerken.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;
import nl.regioamersfoort.samenwerken.platform.mail.ComposedMail;
import nl.regioamersfoort.samenwerken.platform.mail.MailTemplates;
import nl.regioamersfoort.samenwerken.platform.text.Dutch;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;

/**
 * The signal to the projectleider that the adviser's booked hours reached a threshold percentage
 * of the year's cap. No agenda item: there is no deadline, only a number to act on.
 */
@Component
class HoursSignalMail {

    private static final String TEMPLATE = "urensignaal";

    private final MailTemplates templates;

    HoursSignalMail(MailTemplates templates) {
        this.templates = templates;
    }

    ComposedMail compose(String recipientName, String programmeId, String programmeName, int year, int threshold,
            BigDecimal booked, BigDecimal cap) {
        String subject = threshold >= 100
                ? "Adviesuren " + year + ": het jaarplafond van " + Dutch.hours(cap) + " uur is bereikt"
                : "Adviesuren " + year + ": " + threshold + "% van het jaarplafond geboekt";
        Context context = MailTemplates.context();
        context.setVariable("subject", subject);
        context.setVariable("recipientName", recipientName);
        context.setVariable("programmeName", programmeName);
        context.setVariable("year", year);
        context.setVariable("threshold", threshold);
        context.setVariable("booked", Dutch.hours(booked));
        context.setVariable("cap", Dutch.hours(cap));
        context.setVariable("left", Dutch.hours(cap.subtract(booked).max(BigDecimal.ZERO)));
        context.setVariable("overCap", booked.compareTo(cap) > 0);
        context.setVariable("percentage", booked.multiply(BigDecimal.valueOf(100)).divide(cap, 0, RoundingMode.DOWN));
        context.setVariable("accountLink", templates.link("/api/programmas/" + programmeId + "/verantwoording/" + year + ".pdf"));
        return templates.compose(subject, TEMPLATE, context, null);
    }
}
