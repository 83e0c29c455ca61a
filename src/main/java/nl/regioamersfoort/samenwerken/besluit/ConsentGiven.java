package nl.regioamersfoort.samenwerken.besluit;

/** A wethouder consented to share something; published inside the decision's transaction. */
public record ConsentGiven(String programmeId, String municipalityCode, SubjectType subjectType) {
}
