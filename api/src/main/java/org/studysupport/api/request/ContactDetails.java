package org.studysupport.api.request;

/**
 * The personal data of a request: who to contact. Kept in this one value object so that a single
 * place can encrypt it and erase it (crypto-shredding) without touching the rest of an event.
 */
public record ContactDetails(String name, String email, String phone) {
}
