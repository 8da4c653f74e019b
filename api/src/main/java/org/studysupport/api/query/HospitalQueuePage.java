package org.studysupport.api.query;

import java.util.List;

public record HospitalQueuePage(List<HospitalQueueItem> items, int page, int size, long total) {

    public HospitalQueuePage {
        items = List.copyOf(items);
    }
}
