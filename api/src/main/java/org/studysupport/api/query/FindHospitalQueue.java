package org.studysupport.api.query;

import org.studysupport.api.security.Actor;

/** A hospital's PENDING and ACTIVE assignments, earliest due first, of the requests the viewer may see. */
public record FindHospitalQueue(String hospital, int page, int size, Actor viewer) {
}
