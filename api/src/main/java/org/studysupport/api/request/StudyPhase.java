package org.studysupport.api.request;

public enum StudyPhase {
    PHASE_1, PHASE_2, PHASE_3, PHASE_4, OBSERVATIONAL, DEVICE, OTHER
}
