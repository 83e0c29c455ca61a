package nl.regioamersfoort.samenwerken.rapportage;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import nl.regioamersfoort.samenwerken.besluit.Decision;
import nl.regioamersfoort.samenwerken.besluit.Outcome;
import nl.regioamersfoort.samenwerken.besluit.SubjectType;
import nl.regioamersfoort.samenwerken.platform.text.Dutch;
import nl.regioamersfoort.samenwerken.platform.time.EngineClock;
import nl.regioamersfoort.samenwerken.traject.Discussion;
import nl.regioamersfoort.samenwerken.traject.ActivityStatus;
import nl.regioamersfoort.samenwerken.traject.Phase;

/** The Dutch words the dashboard and the reports use for the domain's values. */
final class Labels {


    private Labels() {
    }

    static String phase(Phase phase) {
        return switch (phase) {
            case INVENTARISATIE -> "Inventarisatie";
            case MAATWERKPLAN -> "Maatwerkplan";
            case UITVOERING -> "Uitvoering";
            case SLOTEVALUATIE -> "Slotevaluatie";
            case AFGEROND -> "Afgerond";
            case GESTOPT -> "Gestopt";
        };
    }

    static String activityStatus(ActivityStatus status) {
        return switch (status) {
            case VOORGESTELD -> "Bij de wethouder";
            case GOEDGEKEURD -> "Goedgekeurd, in uitvoering";
            case AFGEWEZEN -> "Afgewezen";
            case UITGEVOERD -> "Uitgevoerd";
            case NIET_DOORGEGAAN -> "Niet doorgegaan";
            case VERVALLEN -> "Vervallen";
        };
    }

    static String subject(SubjectType type) {
        return switch (type) {
            case INVENTARISATIE -> "Inventarisatie";
            case MAATWERKPLAN -> "Maatwerkplan";
            case VASTSTELLING -> "Vaststelling van het maatwerkplan";
            case ACTIVITEIT -> "Activiteit";
            case TOESTEMMING_MAATWERKPLAN -> "Maatwerkplan delen";
            case TOESTEMMING_INVENTARISATIE -> "Inventarisatie delen";
            case TOESTEMMING_VOORTGANG -> "Voortgang delen";
            case TOESTEMMING_SLOTEVALUATIE -> "Slotevaluatie delen";
            case ACTIVITEITENGELD -> "Activiteitengeld";
            case DEELNAME_BEEINDIGEN -> "Deelname beëindigen";
            case TOESTEMMING_INBRENG -> "Inbreng voor de regio delen";
            case TOESTEMMING_OPENBAARMAKING -> "Eindrapportage openbaar maken";
        };
    }

    static String discussionOutcome(Discussion.Outcome outcome) {
        return switch (outcome) {
            case VERDER -> "Verder";
            case AANVULLEN -> "Aanvullen";
            case STOPPEN -> "Stoppen voorgelegd aan de wethouder";
        };
    }

    /** A gate's state in the case file: its outcome, lapsed (and when) when its case moved on without it, or still open. */
    static String outcome(Decision decision) {
        if (decision.getOutcome() == null && decision.getLapsedAt() != null) {
            return "Vervallen zonder besluit (" + moment(decision.getLapsedAt()) + ")";
        }
        return outcome(decision.getOutcome());
    }

    static String outcome(Outcome outcome) {
        return outcome == null ? "Nog niet besloten" : switch (outcome) {
            case AKKOORD -> "Akkoord";
            case AANPASSEN -> "Aanpassen";
            case AFWIJZEN -> "Afgewezen";
        };
    }

    /** A regional document's kind as the regional track stores it. */
    static String document(String kind) {
        return switch (kind) {
            case "OVERZICHT_ONDERWERPEN" -> "Overzicht (deel)onderwerpen";
            case "PLAN_VAN_AANPAK" -> "Plan van aanpak";
            case "VERGADERING" -> "Verslag vergadering";
            case "EINDRAPPORTAGE" -> "Eindrapportage (concept)";
            default -> kind;
        };
    }

    static String day(LocalDate day) {
        return day == null ? "" : Dutch.date(day);
    }

    static String moment(LocalDateTime moment) {
        return Dutch.moment(moment);
    }
}
