package org.studysupport.bench;

import org.studysupport.api.assignment.AssignmentStatus;
import org.studysupport.api.reference.ServiceCode;
import org.studysupport.api.request.CommentVisibility;
import org.studysupport.api.request.ContactDetails;
import org.studysupport.api.request.FundingStatus;
import org.studysupport.api.request.Priority;
import org.studysupport.api.request.RequestStatus;
import org.studysupport.api.request.StudyDetails;
import org.studysupport.api.request.StudyPhase;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The lives of generated requests: realistic texts, and a path through the life cycle that ends in
 * a chosen status — with comments, clarifications, declines, reassignments and cancellations on the
 * way. Older requests are mostly closed, recent ones mostly open, as in a real network.
 */
final class Scenarios {

    private static final String[] DRUGS = {"colchicine", "metformin", "apixaban", "semaglutide", "tranexamic acid",
            "dexamethasone", "empagliflozin", "rituximab", "vitamin D", "ketamine", "lithium", "aspirin"};
    private static final String[] CONDITIONS = {"myocardial infarction", "type 2 diabetes", "atrial fibrillation",
            "hip fracture surgery", "sepsis", "major depression", "rheumatoid arthritis", "heart failure",
            "childhood asthma", "ischaemic stroke", "chronic kidney disease", "multiple sclerosis"};
    private static final String[] DESIGNS = {"Low-dose %s after %s", "%s versus placebo in %s",
            "Early %s in patients with %s", "Pragmatic trial of %s in %s", "%s for the prevention of %s"};
    private static final String[] AREAS = {"Cardiology", "Endocrinology", "Neurology", "Psychiatry", "Paediatrics",
            "Rheumatology", "Nephrology", "Intensive care", "Orthopaedics", "Oncology"};
    private static final String[] FIRST = {"Kari", "Ola", "Ingrid", "Lars", "Sofie", "Jonas", "Maria", "Erik",
            "Nora", "Henrik", "Astrid", "Magnus"};
    private static final String[] LAST = {"Nordmann", "Hansen", "Johansen", "Olsen", "Larsen", "Berg", "Haugen",
            "Bakken", "Lie", "Dahl", "Moen", "Solberg"};
    private static final String[] QUESTIONS = {"Which age groups will be included?",
            "Is the sample size calculation based on the primary endpoint?",
            "Has the protocol been submitted to the regional ethics committee?",
            "How many sites will recruit in the first year?",
            "Which eCRF system do you plan to use?"};
    private static final String[] COMMENTS = {"Protocol version 2.1 uploaded to the shared folder.",
            "We discussed this at the network meeting; follow-up next week.",
            "Budget draft sent to the sponsor for review.",
            "Site feasibility questionnaire returned by three of five sites.",
            "Waiting for the final statistical analysis plan.",
            "Monitoring plan agreed with the sponsor; first visit scheduled."};

    private final Random random;
    private final Map<String, List<ServiceCode>> hospitals;
    private final List<ServiceCode> offered;

    /** @param hospitals each accepting hospital's code and the services it offers */
    Scenarios(Random random, Map<String, List<ServiceCode>> hospitals) {
        this.random = random;
        this.hospitals = hospitals;
        this.offered = hospitals.values().stream().flatMap(List::stream).distinct().sorted().toList();
    }

    /** The status a request of this age ends in, for the store's mix. */
    RequestStatus targetFor(long ageDays) {
        int dice = random.nextInt(100);
        if (ageDays > 180) {
            return pick(dice, new int[]{72, 9, 9, 7, 1, 1, 1}, RequestStatus.COMPLETED, RequestStatus.REJECTED,
                    RequestStatus.WITHDRAWN, RequestStatus.IN_PROGRESS, RequestStatus.ACCEPTED,
                    RequestStatus.AWAITING_INFO, RequestStatus.SUBMITTED);
        }
        return pick(dice, new int[]{15, 12, 10, 38, 15, 5, 5}, RequestStatus.SUBMITTED, RequestStatus.AWAITING_INFO,
                RequestStatus.ACCEPTED, RequestStatus.IN_PROGRESS, RequestStatus.COMPLETED, RequestStatus.REJECTED,
                RequestStatus.WITHDRAWN);
    }

    private static RequestStatus pick(int dice, int[] weights, RequestStatus... statuses) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            if (dice < sum) {
                return statuses[i];
            }
        }
        return statuses[statuses.length - 1];
    }

    /** Plays a whole life that ends in {@code target}. */
    void live(SimulatedRequest request, String reference, LocalDate submittedOn, RequestStatus target) {
        request.submit(reference, study(submittedOn), services(), contact());
        comments(request, 0.6);
        if (random.nextDouble() < 0.2) {
            request.ask(SimulatedRequest.Who.COORDINATOR, pickOf(QUESTIONS));
            if (target == RequestStatus.AWAITING_INFO && random.nextDouble() < 0.3) {
                return;
            }
            request.answer("Adults 18 to 80 years; see protocol section 4.");
        }
        switch (target) {
            case SUBMITTED -> {
                return;
            }
            case REJECTED -> {
                request.reject("The study is outside the network's scope.");
                comments(request, 0.3);
                return;
            }
            case WITHDRAWN -> {
                if (random.nextDouble() < 0.4) {
                    request.withdraw("Funding was not granted.");
                    return;
                }
            }
            default -> {
            }
        }
        request.accept(Priority.values()[random.nextInt(Priority.values().length)],
                random.nextBoolean() ? null : "Fits the network's priorities for this year.");
        comments(request, 0.5);
        if (target == RequestStatus.ACCEPTED) {
            return;
        }
        if (target == RequestStatus.AWAITING_INFO && random.nextDouble() < 0.4) {
            request.ask(SimulatedRequest.Who.COORDINATOR, pickOf(QUESTIONS));
            return;
        }
        deliver(request, target);
        switch (target) {
            case COMPLETED -> {
                for (UUID open : request.assignmentsIn(AssignmentStatus.PENDING)) {
                    request.acknowledge(open);
                }
                for (UUID active : request.assignmentsIn(AssignmentStatus.ACTIVE)) {
                    request.completeAssignment(active, "Delivered as agreed; report attached.");
                }
                request.complete("All requested services delivered.");
                comments(request, 0.3);
            }
            case WITHDRAWN -> request.withdraw("The sponsor stopped the study.");
            case AWAITING_INFO -> {
                List<String> open = request.hospitalsWithOpenAssignment();
                SimulatedRequest.Who who = open.isEmpty() || random.nextBoolean() ? SimulatedRequest.Who.COORDINATOR
                        : SimulatedRequest.Who.staffOf(open.get(random.nextInt(open.size())));
                request.ask(who, pickOf(QUESTIONS));
            }
            default -> {
                // IN_PROGRESS: stays with the work under way
            }
        }
    }

    /**
     * Assigns every service; most hospitals acknowledge and deliver, some decline (and the service
     * goes elsewhere), some assignments are reassigned or cancelled and assigned again. For a request
     * that stays open (or is withdrawn later), the last service is left PENDING or ACTIVE.
     */
    private void deliver(SimulatedRequest request, RequestStatus target) {
        List<ServiceCode> services = request.services();
        for (int i = 0; i < services.size(); i++) {
            ServiceCode service = services.get(i);
            boolean last = i == services.size() - 1;
            UUID assignment = request.assign(service, hospitalFor(service, null),
                    random.nextDouble() < 0.3 ? "Please confirm capacity within two weeks." : null);
            int dice = random.nextInt(100);
            if (dice < 12) {
                request.decline(assignment, "No capacity this quarter.");
                assignment = request.assign(service, hospitalFor(service, request.hospitalOf(assignment)), null);
            } else if (dice < 22) {
                String other = hospitalFor(service, request.hospitalOf(assignment));
                if (!other.equals(request.hospitalOf(assignment))) {
                    assignment = request.reassign(assignment, other, "Closer to the recruiting sites.");
                }
            } else if (dice < 28) {
                request.cancel(assignment, "Covered by the sponsor's own CRO.");
                assignment = request.assign(service, hospitalFor(service, null), null);
            }
            boolean staysOpen = last && (target == RequestStatus.IN_PROGRESS || target == RequestStatus.WITHDRAWN
                    || target == RequestStatus.AWAITING_INFO);
            if (staysOpen && random.nextDouble() < 0.4) {
                return;
            }
            request.acknowledge(assignment);
            String hospital = request.hospitalOf(assignment);
            if (random.nextDouble() < 0.15 && request.canAsk(SimulatedRequest.Who.staffOf(hospital))) {
                request.ask(SimulatedRequest.Who.staffOf(hospital), "Can you share the latest protocol version?");
                request.answer("Uploaded version 2.1 today.");
            }
            if (random.nextDouble() < 0.4) {
                request.comment(SimulatedRequest.Who.staffOf(hospital),
                        random.nextBoolean() ? CommentVisibility.PUBLIC : CommentVisibility.INTERNAL, pickOf(COMMENTS));
            }
            if (staysOpen) {
                return;
            }
            request.completeAssignment(assignment, "Delivered as agreed; report attached.");
        }
    }

    /** About {@code expected} comments by the investigator (PUBLIC) or a coordinator (either visibility). */
    private void comments(SimulatedRequest request, double expected) {
        while (random.nextDouble() < expected / (1 + expected)) {
            if (random.nextBoolean()) {
                request.comment(SimulatedRequest.Who.investigator(request.investigator()), CommentVisibility.PUBLIC,
                        pickOf(COMMENTS));
            } else {
                request.comment(SimulatedRequest.Who.COORDINATOR,
                        random.nextInt(3) == 0 ? CommentVisibility.INTERNAL : CommentVisibility.PUBLIC, pickOf(COMMENTS));
            }
        }
    }

    /** The one long request: accepted, one service under way, then thousands of comments by everyone involved. */
    void longHistory(SimulatedRequest request, String reference, LocalDate submittedOn, int events) {
        request.submit(reference, study(submittedOn), List.of(ServiceCode.MONITORING), contact());
        request.accept(Priority.HIGH, "A large multinational trial; expect a lot of traffic.");
        UUID assignment = request.assign(ServiceCode.MONITORING, hospitalFor(ServiceCode.MONITORING, null), null);
        request.acknowledge(assignment);
        String hospital = request.hospitalOf(assignment);
        while (request.events().size() < events) {
            int dice = random.nextInt(10);
            if (dice < 4) {
                request.comment(SimulatedRequest.Who.COORDINATOR,
                        dice == 0 ? CommentVisibility.INTERNAL : CommentVisibility.PUBLIC, pickOf(COMMENTS));
            } else if (dice < 7) {
                request.comment(SimulatedRequest.Who.investigator(request.investigator()), CommentVisibility.PUBLIC,
                        pickOf(COMMENTS));
            } else if (dice < 9 || request.events().size() > events - 2) {
                request.comment(SimulatedRequest.Who.staffOf(hospital), CommentVisibility.PUBLIC, pickOf(COMMENTS));
            } else {
                request.ask(SimulatedRequest.Who.COORDINATOR, pickOf(QUESTIONS));
                request.answer("See the updated protocol, section 6.");
            }
        }
    }

    private StudyDetails study(LocalDate submittedOn) {
        String drug = pickOf(DRUGS);
        String condition = pickOf(CONDITIONS);
        String title = capitalise(String.format(pickOf(DESIGNS), drug, condition));
        String acronym = (drug.replaceAll("[^a-zA-Z]", "").substring(0, 4) + "-"
                + condition.replaceAll("[^a-zA-Z]", "").substring(0, 2)).toUpperCase() + (random.nextInt(90) + 10);
        List<String> countries = random.nextInt(3) == 0 ? List.of("NO", "SE", "DK") : List.of("NO");
        String description = "Multicentre " + (random.nextBoolean() ? "randomised controlled" : "observational")
                + " study of " + drug + " in adults with " + condition + ". Primary endpoint at 12 months;"
                + " recruitment through the university hospitals of the network, with an expected "
                + (100 + random.nextInt(1900)) + " participants over " + (2 + random.nextInt(4)) + " years.";
        return new StudyDetails(title, acronym, StudyPhase.values()[random.nextInt(StudyPhase.values().length)],
                pickOf(new String[]{"Oslo University Hospital", "Haukeland University Hospital", "NTNU",
                        "University of Bergen", "Novo Nordisk", "The Norwegian Research Council"}),
                pickOf(AREAS), FundingStatus.values()[random.nextInt(FundingStatus.values().length)],
                submittedOn.plusMonths(3 + random.nextInt(9)).withDayOfMonth(1), countries, 1 + random.nextInt(40),
                description);
    }

    private List<ServiceCode> services() {
        int count = 1 + (random.nextInt(10) < 3 ? 0 : random.nextInt(10) < 7 ? 1 : 2);
        List<ServiceCode> pool = new ArrayList<>(offered);
        List<ServiceCode> chosen = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            chosen.add(pool.remove(random.nextInt(pool.size())));
        }
        return chosen;
    }

    private ContactDetails contact() {
        String first = pickOf(FIRST);
        String last = pickOf(LAST);
        return new ContactDetails(first + " " + last, (first + "." + last).toLowerCase() + "@example.org",
                random.nextBoolean() ? "+47 22 " + (10 + random.nextInt(89)) + " " + (10 + random.nextInt(89)) + " 00"
                        : null);
    }

    /** A hospital that offers the service, other than {@code not} when another one does. */
    private String hospitalFor(ServiceCode service, String not) {
        List<String> offering = hospitals.entrySet().stream().filter(h -> h.getValue().contains(service))
                .map(Map.Entry::getKey).sorted().toList();
        List<String> others = offering.stream().filter(code -> !code.equals(not)).toList();
        List<String> from = others.isEmpty() ? offering : others;
        return from.get(random.nextInt(from.size()));
    }

    private String pickOf(String[] options) {
        return options[random.nextInt(options.length)];
    }

    private static String capitalise(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
