package org.studysupport.query.insight;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** @param responseWindow how far back recommendations look at hospitals' response times */
@ConfigurationProperties("study-support.insight")
public record InsightSettings(@DefaultValue("90d") Duration responseWindow) {
}
