package org.studysupport.application;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;
import org.studysupport.api.access.RequestScope;
import org.studysupport.api.problem.NotPermittedException;
import org.studysupport.api.problem.UnknownEntityException;
import org.studysupport.api.query.FindHospitalQueue;
import org.studysupport.api.query.FindStatistics;
import org.studysupport.api.query.FindTriageQueue;
import org.studysupport.api.query.FindTriageQueueAsOf;
import org.studysupport.api.query.FindTriageTimes;
import org.studysupport.api.query.HospitalQueuePage;
import org.studysupport.api.query.RecommendHospitals;
import org.studysupport.api.query.Recommendations;
import org.studysupport.api.query.RequestPage;
import org.studysupport.api.query.Statistics;
import org.studysupport.api.query.TriageTimes;
import org.studysupport.api.reference.HospitalDirectory;
import org.studysupport.api.reference.ServiceCode;
import org.studysupport.api.security.Actor;
import org.studysupport.security.CurrentActor;

import java.time.Instant;
import java.util.UUID;

/**
 * The queues and the insight that coordinators and hospitals work from. Who may read which is
 * {@link RequestScope}'s to say: the triage queue, statistics and recommendations span every
 * request; a hospital's queue is its own staff's and the whole network's viewers'.
 */
@Service
public class QueueService {

    private final QueryGateway queries;
    private final HospitalDirectory hospitals;

    public QueueService(QueryGateway queries, HospitalDirectory hospitals) {
        this.queries = queries;
        this.hospitals = hospitals;
    }

    public RequestPage triage(int page, int size) {
        RequestScope.of(CurrentActor.get()).requireWholeNetwork("The triage queue");
        return Answers.join(queries.query(new FindTriageQueue(page, size), ResponseTypes.instanceOf(RequestPage.class)));
    }

    /** The triage queue as it stood at a past moment. */
    public RequestPage triageAsOf(Instant asOf, int page, int size) {
        RequestScope.of(CurrentActor.get()).requireWholeNetwork("The triage queue");
        return Answers.join(queries.query(new FindTriageQueueAsOf(asOf, page, size),
                ResponseTypes.instanceOf(RequestPage.class)));
    }

    /** A hospital's queue: coordinators see any, hospital staff only their own. */
    public HospitalQueuePage hospital(String code, int page, int size) {
        Actor actor = requireHospitalQueue(code);
        return Answers.join(queries.query(new FindHospitalQueue(code, page, size, actor),
                ResponseTypes.instanceOf(HospitalQueuePage.class)));
    }

    /**
     * Refuses a hospital's queue to whoever may not read it (an unknown hospital: 404; another
     * hospital's staff: 403), as {@link #hospital} does; answers the signed-in actor. For what
     * follows a queue without reading it, such as a page's live stream.
     */
    public Actor requireHospitalQueue(String code) {
        if (hospitals.find(code).isEmpty()) {
            throw new UnknownEntityException("No hospital " + code + ".");
        }
        Actor actor = CurrentActor.get();
        if (!RequestScope.of(actor).coversHospital(code)) {
            throw new NotPermittedException("Hospital staff see only their own hospital's queue.");
        }
        return actor;
    }

    public Recommendations recommendations(UUID requestId, ServiceCode service) {
        RequestScope.of(CurrentActor.get()).requireWholeNetwork("Recommendations");
        return Answers.join(queries.query(new RecommendHospitals(requestId, service),
                ResponseTypes.instanceOf(Recommendations.class)));
    }

    public Statistics statistics(Instant from, Instant to) {
        RequestScope.of(CurrentActor.get()).requireWholeNetwork("Statistics");
        return Answers.join(queries.query(new FindStatistics(from, to), ResponseTypes.instanceOf(Statistics.class)));
    }

    /**
     * The distribution of time to triage over the requests submitted in [from, to): the same
     * requests as {@link #statistics}' {@code timeToTriage}, counted per band (for the dashboard).
     */
    public TriageTimes triageTimes(Instant from, Instant to) {
        RequestScope.of(CurrentActor.get()).requireWholeNetwork("Statistics");
        return Answers.join(queries.query(new FindTriageTimes(from, to), ResponseTypes.instanceOf(TriageTimes.class)));
    }
}
