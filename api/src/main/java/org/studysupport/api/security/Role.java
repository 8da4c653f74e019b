package org.studysupport.api.security;

/**
 * What a signed-in user may do: submit (investigator), triage and route (coordinator), deliver
 * (hospital), read (auditor), operate (admin).
 */
public enum Role {
    INVESTIGATOR, COORDINATOR, HOSPITAL, AUDITOR, ADMIN
}
