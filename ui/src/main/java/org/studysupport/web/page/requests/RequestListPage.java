package org.studysupport.web.page.requests;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.studysupport.api.problem.InvalidInputException;
import org.studysupport.api.query.ListRequests;
import org.studysupport.api.query.RequestPage;
import org.studysupport.api.reference.HospitalDirectory;
import org.studysupport.api.reference.ServiceCode;
import org.studysupport.api.request.Priority;
import org.studysupport.api.request.RequestStatus;
import org.studysupport.api.security.Action;
import org.studysupport.api.security.Actor;
import org.studysupport.api.security.Role;
import org.studysupport.application.RequestService;
import org.studysupport.security.CurrentActor;
import org.studysupport.web.Paging;
import org.studysupport.web.request.SortParameter;

import java.util.Arrays;
import java.util.List;

/**
 * The requests page at {@code /requests}: the list that {@code GET /api/requests} answers for the
 * signed-in user (an investigator's own requests, hospital staff's their hospital's, everyone's for
 * the others), with the same filters, sorts and paging, read from the page's address by a GET form
 * so that an address can be shared. Values the API would refuse are refused with its message.
 */
@Controller
public class RequestListPage {

    /** The orders offered, in the API's {@code sort} syntax. */
    static final List<String> SORTS = List.of(ListFilters.DEFAULT_SORT, "submittedAt,asc", "updatedAt,desc",
            "priority,desc", "slaDueAt,asc");
    private static final int DEFAULT_SIZE = 20;

    private final RequestService requests;
    private final HospitalDirectory hospitals;

    public RequestListPage(RequestService requests, HospitalDirectory hospitals) {
        this.requests = requests;
        this.hospitals = hospitals;
    }

    @GetMapping("/requests")
    String list(@RequestParam(required = false) String q,
                @RequestParam(required = false) String status,
                @RequestParam(required = false) String service,
                @RequestParam(required = false) String hospital,
                @RequestParam(required = false) String priority,
                @RequestParam(required = false) String sort,
                @RequestParam(required = false) String page,
                @RequestParam(required = false) String size,
                Model model) {
        Actor actor = CurrentActor.get();
        Action.READ_REQUESTS.requireRole(actor);
        ListFilters filters = new ListFilters(q, status, service, hospital, priority, sort, size);
        int pageNumber = number("page", page, 0);
        int pageSize = number("size", filters.size(), DEFAULT_SIZE);
        Paging.check(pageNumber, pageSize);
        RequestPage result = requests.list(new ListRequests(
                choice("status", filters.status(), RequestStatus.class),
                choice("service", filters.service(), ServiceCode.class),
                filters.hospital(),
                choice("priority", filters.priority(), Priority.class),
                filters.q(), null, null, SortParameter.parse(filters.sort()), pageNumber, pageSize, actor));
        model.addAttribute("filters", filters);
        model.addAttribute("result", result);
        model.addAttribute("pages", Math.max(1, (result.total() + pageSize - 1) / pageSize));
        model.addAttribute("own", actor.role() == Role.INVESTIGATOR);
        model.addAttribute("statuses", RequestStatus.values());
        model.addAttribute("serviceCodes", ServiceCode.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("hospitals", hospitals.all());
        model.addAttribute("sorts", SORTS);
        return "requests/list";
    }

    private static int number(String name, String value, int absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, "invalid value '" + value + "'");
        }
    }

    private static <E extends Enum<E>> E choice(String name, String value, Class<E> type) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(name, "invalid value '" + value + "'; allowed: "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }
}
