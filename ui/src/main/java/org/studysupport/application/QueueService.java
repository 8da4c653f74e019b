package org.studysupport.application;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;
import org.studysupport.api.problem.NotPermittedException;
import org.studysupport.api.problem.UnknownEntityException;
import org.studysupport.api.query.FindHospitalQueue;
import org.studysupport.api.query.FindStatistics;
import org.studysupport.api.query.FindTriageQueue;
import org.studysupport.api.query.FindTriageQueueAsOf;
import org.studysupport.api.query.HospitalQueuePage;
import org.studysupport.api.query.RecommendHospitals;
import org.studysupport.api.query.Recommendations;
import org.studysupport.api.query.RequestPage;
import org.studysupport.api.query.Statistics;
import org.studysupport.api.reference.HospitalDirectory;
import org.studysupport.api.reference.ServiceCode;
import org.studysupport.api.security.Action;
import org.studysupport.api.security.Actor;
import org.studysupport.api.security.Scope;
import org.studysupport.security.CurrentActor;

import java.time.Instant;
import java.util.UUID;

/** The queues and the insight that coordinators and hospitals work from. */
@Service
public class QueueService {

    private final QueryGateway queries;
    private final HospitalDirectory hospitals;

    public QueueService(QueryGateway queries, HospitalDirectory hospitals) {
        this.queries = queries;
        this.hospitals = hospitals;
    }

    public RequestPage triage(int page, int size) {
        return Answers.join(queries.query(new FindTriageQueue(page, size), ResponseTypes.instanceOf(RequestPage.class)));
    }

    /** The triage queue as it stood at a past moment. */
    public RequestPage triageAsOf(Instant asOf, int page, int size) {
        return Answers.join(queries.query(new FindTriageQueueAsOf(asOf, page, size),
                ResponseTypes.instanceOf(RequestPage.class)));
    }

    /** A hospital's queue: coordinators see any, hospital staff only their own. */
    public HospitalQueuePage hospital(String code, int page, int size) {
        if (hospitals.find(code).isEmpty()) {
            throw new UnknownEntityException("No hospital " + code + ".");
        }
        Actor actor = CurrentActor.get();
        if (Action.READ_HOSPITAL_QUEUE.requireRole(actor) == Scope.OWN_HOSPITAL && !actor.actsFor(code)) {
            throw new NotPermittedException("Hospital staff see only their own hospital's queue.");
        }
        return Answers.join(queries.query(new FindHospitalQueue(code, page, size),
                ResponseTypes.instanceOf(HospitalQueuePage.class)));
    }

    public Recommendations recommendations(UUID requestId, ServiceCode service) {
        return Answers.join(queries.query(new RecommendHospitals(requestId, service),
                ResponseTypes.instanceOf(Recommendations.class)));
    }

    public Statistics statistics(Instant from, Instant to) {
        return Answers.join(queries.query(new FindStatistics(from, to), ResponseTypes.instanceOf(Statistics.class)));
    }
}
