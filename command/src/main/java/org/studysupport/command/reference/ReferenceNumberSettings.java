package org.studysupport.command.reference;

import java.time.ZoneId;

/** The time zone whose calendar year a reference number carries. */
public record ReferenceNumberSettings(ZoneId zone) {
}
