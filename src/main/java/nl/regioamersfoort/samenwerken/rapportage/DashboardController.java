package nl.regioamersfoort.samenwerken.rapportage;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import nl.regioamersfoort.samenwerken.platform.form.InvalidInputException;
import nl.regioamersfoort.samenwerken.platform.pdf.PdfDocuments;
import nl.regioamersfoort.samenwerken.platform.text.Dutch;
import nl.regioamersfoort.samenwerken.platform.time.DemoTime;
import nl.regioamersfoort.samenwerken.platform.time.EngineClock;
import nl.regioamersfoort.samenwerken.programma.ProgrammeNotFoundException;
import nl.regioamersfoort.samenwerken.programma.Programmes;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/** The tracking pages: dashboard, case files, progress report and final report draft (HTML and PDF). */
@Controller
@RequestMapping("/dashboard")
class DashboardController {

    private final Dashboard dashboard;
    private final CaseFiles caseFiles;
    private final ProgressReports reports;
    private final Programmes programmes;
    private static final String REPORT = "dashboard/rapport";
    private final SpringTemplateEngine pdfTemplates = PdfDocuments.templateEngine("templates/");

    private final Optional<DemoTime> demoTime;
    DashboardController(Dashboard dashboard, CaseFiles caseFiles, ProgressReports reports, Programmes programmes,
            Optional<DemoTime> demoTime) {
        this.demoTime = demoTime;
        this.programmes = programmes;
        this.dashboard = dashboard;
        this.caseFiles = caseFiles;
        this.reports = reports;
    }

    @GetMapping
    String overview(Authentication authentication, Model model) {
        Viewer viewer = Viewer.of(authentication);
        model.addAttribute("user", viewer.userId());
        model.addAttribute("today", Labels.day(EngineClock.today()));
        model.addAttribute("overviews", dashboard.overviews(viewer));
        model.addAttribute("adviser", viewer.groups().contains("adviseur"));
        model.addAttribute("projectleider", viewer.groups().contains("projectleider"));
        model.addAttribute("beheer", viewer.groups().contains("beheer"));
        model.addAttribute("mayHandOver", viewer.groups().contains("projectleider") || viewer.groups().contains("beheer"));
        // In the demo, beheer moves its time from here.
        model.addAttribute("demoTime", demoTime.isPresent() && viewer.groups().contains("beheer"));
        return "dashboard/overzicht";
    }

    /** A newcomer's walk through one cycle, with links to where each step is done. */
    @GetMapping("/zo-werkt-het")
    String howItWorks() {
        return "dashboard/zo-werkt-het";
    }

    /** A local track's case file; 404 alike for a track that does not exist and one the viewer may not see. */
    @GetMapping("/traject/{trackId}")
    ModelAndView localCase(@PathVariable String trackId, Authentication authentication) {
        return caseFiles.local(trackId, Viewer.of(authentication))
                .map(file -> new ModelAndView("dashboard/traject").addObject("file", file))
                .orElseGet(() -> error(HttpStatus.NOT_FOUND, "Dit gemeentetraject bestaat niet, of u heeft er geen inzage in."));
    }

    @GetMapping("/regionaal/{programmeId}")
    String regionalCase(@PathVariable String programmeId, Authentication authentication, Model model) {
        requireTakesPart(programmeId, authentication);
        model.addAttribute("file", caseFiles.regional(programmeId));
        return "dashboard/regionaal";
    }

    @GetMapping("/rapportage/{programmeId}")
    String progressReport(@PathVariable String programmeId, @RequestParam(name = "vergadering", required = false) String meeting,
            Authentication authentication, Model model) {
        requireTakesPart(programmeId, authentication);
        model.addAttribute("report", reports.progress(programmeId, meetingDay(meeting)));
        model.addAttribute("pdf", false);
        return REPORT;
    }

    @GetMapping("/rapportage/{programmeId}.pdf")
    ResponseEntity<byte[]> progressReportPdf(@PathVariable String programmeId, @RequestParam(name = "vergadering", required = false) String meeting,
            Authentication authentication) {
        requireTakesPart(programmeId, authentication);
        ProgressReports.Report report = reports.progress(programmeId, meetingDay(meeting));
        return pdf(report, "voortgangsrapportage-" + programmeId + ".pdf");
    }

    @GetMapping("/eindrapportage/{programmeId}")
    String finalReport(@PathVariable String programmeId, Authentication authentication, Model model) {
        requireTakesPart(programmeId, authentication);
        model.addAttribute("report", reports.finalDraft(programmeId));
        model.addAttribute("pdf", false);
        return REPORT;
    }

    @GetMapping("/eindrapportage/{programmeId}.pdf")
    ResponseEntity<byte[]> finalReportPdf(@PathVariable String programmeId, Authentication authentication) {
        requireTakesPart(programmeId, authentication);
        return pdf(reports.finalDraft(programmeId), "concept-eindrapportage-" + programmeId + ".pdf");
    }

    /** A person outside the programme gets the answer of an unknown one (ProgrammeNotFoundException, 404). */
    private void requireTakesPart(String programmeId, Authentication authentication) {
        programmes.visibleTo(programmeId, Viewer.of(authentication).insight());
    }

    private ResponseEntity<byte[]> pdf(ProgressReports.Report report, String fileName) {
        Context context = new Context(Dutch.LOCALE);
        context.setVariable("report", report);
        context.setVariable("pdf", true);
        byte[] pdf = PdfDocuments.render(pdfTemplates.process(REPORT, context));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PDF_VALUE)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(pdf);
    }

    private static LocalDate meetingDay(String meeting) {
        if (meeting == null || meeting.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(meeting.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("'" + meeting + "' is geen datum. Schrijf de vergaderdatum als jjjj-mm-dd, bijvoorbeeld 2022-09-15.");
        }
    }

    @ExceptionHandler(InvalidInputException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ModelAndView invalid(InvalidInputException e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(ProgrammeNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    ModelAndView unknownProgramme(ProgrammeNotFoundException e) {
        return error(HttpStatus.NOT_FOUND, "Dit programma bestaat niet, of u heeft er geen inzage in.");
    }

    private static ModelAndView error(HttpStatus status, String message) {
        ModelAndView page = new ModelAndView("dashboard/fout", status);
        page.addObject("melding", message);
        return page;
    }
}
