package org.studysupport.api.query;

import java.util.List;

public record QueueChanges(List<QueueChange> changes) {

    public QueueChanges {
        changes = List.copyOf(changes);
    }
}
