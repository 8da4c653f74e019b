package org.studysupport.api.query;

/** A hospital's PENDING and ACTIVE assignments, earliest due first. */
public record FindHospitalQueue(String hospital, int page, int size) {
}
