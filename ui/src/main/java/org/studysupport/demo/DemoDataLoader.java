package org.studysupport.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import org.studysupport.api.assignment.AcknowledgeAssignment;
import org.studysupport.api.assignment.AssignService;
import org.studysupport.api.reference.ServiceCode;
import org.studysupport.api.request.AcceptRequest;
import org.studysupport.api.request.AddComment;
import org.studysupport.api.request.AskClarification;
import org.studysupport.api.request.CommentVisibility;
import org.studysupport.api.request.ContactDetails;
import org.studysupport.api.request.FundingStatus;
import org.studysupport.api.request.Priority;
import org.studysupport.api.request.StudyDetails;
import org.studysupport.api.request.StudyPhase;
import org.studysupport.api.request.SubmitRequest;
import org.studysupport.application.RequestService;
import org.studysupport.security.DemoUsers;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Puts a few requests in an empty store, in different states, so that a new user has something to
 * look at. Everything goes through the same commands as the API, as the demo users. Of several nodes
 * starting at once on an empty database, one loads them ({@link DemoDataLock}); the others then
 * find the store not empty.
 */
@Component
@ConditionalOnProperty(name = "study-support.demo-data.enabled", havingValue = "true")
public class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final RequestService requests;
    private final JdbcTemplate jdbc;
    private final DemoDataLock lock;

    public DemoDataLoader(RequestService requests, JdbcTemplate jdbc, DataSource dataSource) {
        this.requests = requests;
        this.jdbc = jdbc;
        this.lock = new DemoDataLock(dataSource);
    }

    @Override
    public void run(ApplicationArguments args) {
        lock.whileHolding(this::loadIntoAnEmptyStore);
    }

    private void loadIntoAnEmptyStore() {
        Boolean anyEvent = jdbc.queryForObject("select exists (select 1 from domain_event_entry)", Boolean.class);
        if (Boolean.TRUE.equals(anyEvent)) {
            return;
        }
        UUID colchicine = UUID.randomUUID();
        as("investigator1", () -> requests.submit(new SubmitRequest(colchicine,
                study("Low-dose colchicine after myocardial infarction", "COLCHI-MI", StudyPhase.PHASE_3,
                        "Cardiology", FundingStatus.AWARDED, 8,
                        "Multicentre randomised trial of low-dose colchicine after acute myocardial infarction."),
                List.of(ServiceCode.MONITORING, ServiceCode.DATA_MANAGEMENT),
                new ContactDetails("Kari Nordmann", "kari.nordmann@example.org", "+47 22 00 00 00"))));
        as("coordinator", () -> requests.act(colchicine, new AcceptRequest(colchicine, Priority.HIGH, null)));
        UUID monitoring = UUID.randomUUID();
        as("coordinator", () -> requests.act(colchicine,
                new AssignService(colchicine, monitoring, ServiceCode.MONITORING, "OUS", "Six sites in the south-east")));
        as("ous-staff", () -> requests.act(colchicine, new AcknowledgeAssignment(colchicine, monitoring)));
        as("coordinator", () -> requests.act(colchicine, new AddComment(colchicine, UUID.randomUUID(),
                "Data management waits for the final protocol.", CommentVisibility.INTERNAL)));

        UUID registry = UUID.randomUUID();
        as("investigator2", () -> requests.submit(new SubmitRequest(registry,
                study("National registry of early-onset type 2 diabetes", "EOT2D", StudyPhase.OBSERVATIONAL,
                        "Endocrinology", FundingStatus.APPLIED, 6,
                        "Prospective registry across the six university hospitals."),
                List.of(ServiceCode.BIOSTATISTICS, ServiceCode.REGULATORY),
                new ContactDetails("Ola Hansen", "ola.hansen@example.org", null))));

        UUID asthma = UUID.randomUUID();
        as("investigator1", () -> requests.submit(new SubmitRequest(asthma,
                study("Inhaled corticosteroid tapering in children with asthma", "TAPER-KIDS", StudyPhase.PHASE_4,
                        "Paediatrics", FundingStatus.NONE, 4,
                        "Pragmatic trial of stepwise tapering in well-controlled paediatric asthma."),
                List.of(ServiceCode.METHODOLOGY, ServiceCode.PATIENT_INVOLVEMENT),
                new ContactDetails("Kari Nordmann", "kari.nordmann@example.org", null))));
        as("coordinator", () -> requests.act(asthma, new AskClarification(asthma, UUID.randomUUID(),
                "Which age groups will be included?")));
        log.info("Demo data: three requests submitted");
    }

    private static StudyDetails study(String title, String acronym, StudyPhase phase, String area,
                                      FundingStatus funding, int sites, String description) {
        return new StudyDetails(title, acronym, phase, "Oslo University Hospital", area, funding,
                LocalDate.now().plusMonths(4).withDayOfMonth(1), List.of("NO"), sites, description);
    }

    private static void as(String username, Supplier<?> action) {
        UserDetails user = DemoUsers.all().stream().filter(u -> u.getUsername().equals(username)).findFirst()
                .orElseThrow();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user.getUsername(), null, user.getAuthorities()));
        try {
            action.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
