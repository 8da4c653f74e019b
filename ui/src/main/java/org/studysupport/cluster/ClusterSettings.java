package org.studysupport.cluster;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the nodes sharing one database find each other, under {@code study-support.cluster.*}. A node
 * that has not said it is alive for the token claim timeout
 * ({@code axon.eventhandling.tokenstore.claim-timeout}) no longer counts: by then its segment claims
 * have expired too.
 *
 * @param heartbeatInterval how often each node says it is alive and looks how many others are
 */
@ConfigurationProperties("study-support.cluster")
public record ClusterSettings(@DefaultValue("2s") Duration heartbeatInterval) {
}
