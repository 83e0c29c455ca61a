package nl.regioamersfoort.samenwerken.regio;

import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The front door of the regional track's record for other features: its documents and agenda items, read-only. */
@Component
@Transactional(readOnly = true)
public class RegionalDocuments {

    private final RegionalDocumentRepository documents;
    private final RegionalAgendaItemRepository agendaItems;

    RegionalDocuments(RegionalDocumentRepository documents, RegionalAgendaItemRepository agendaItems) {
        this.documents = documents;
        this.agendaItems = agendaItems;
    }

    /** The programme's regional documents, in the order they were made. */
    public List<RegionalDocument> of(String programmeId) {
        return documents.findByProgrammeIdOrderByIdAsc(programmeId);
    }

    /** What was put on the agenda of the regional meetings, by meeting date. */
    public List<RegionalAgendaItem> agenda(String programmeId) {
        return agendaItems.findByProgrammeIdOrderByMeetingDateAscIdAsc(programmeId);
    }
}
