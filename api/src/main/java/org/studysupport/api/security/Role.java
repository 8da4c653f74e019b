package org.studysupport.api.security;

/** What a signed-in user may do; see product.md "Users and what they do". */
public enum Role {
    INVESTIGATOR, COORDINATOR, HOSPITAL, AUDITOR, ADMIN
}
