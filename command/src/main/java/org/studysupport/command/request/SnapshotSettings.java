package org.studysupport.command.request;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** A request is snapshotted after every {@code threshold} events, so loading it stays cheap. */
@ConfigurationProperties("study-support.snapshots")
public record SnapshotSettings(@DefaultValue("50") int threshold) {
}
