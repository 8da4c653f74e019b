package org.studysupport.api.request;

public enum RequestStatus {
    SUBMITTED, AWAITING_INFO, ACCEPTED, IN_PROGRESS, COMPLETED, REJECTED, WITHDRAWN;

    /** COMPLETED, REJECTED and WITHDRAWN are final: nothing changes them but a comment. */
    public boolean isFinal() {
        return this == COMPLETED || this == REJECTED || this == WITHDRAWN;
    }
}
