package org.studysupport.api.assignment;

public enum AssignmentStatus {
    PENDING, ACTIVE, COMPLETED, DECLINED, REASSIGNED, CANCELLED;

    /** An open assignment still holds its service: at most one per service at a time. */
    public boolean isOpen() {
        return this == PENDING || this == ACTIVE;
    }
}
