package org.studysupport.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How many failed sign-ins (HTTP Basic) are tolerated, under
 * {@code study-support.security.sign-in-limit.*}. Each user name and each client address has a
 * bucket of failures that refills evenly over the period; an empty bucket refuses further sign-ins
 * (429) until it refills.
 *
 * @param enabled     whether failed sign-ins are limited at all
 * @param perUser     failed sign-ins per user name within the period
 * @param perAddress  failed sign-ins per client address within the period (higher: several users may
 *                    share an address behind a hospital's network gateway)
 * @param period      the time in which an empty bucket refills completely
 * @param trackedKeys how many user names and addresses are remembered at most; the least recently
 *                    seen are forgotten first
 */
@ConfigurationProperties("study-support.security.sign-in-limit")
public record SignInLimitSettings(@DefaultValue("true") boolean enabled,
                                  @DefaultValue("5") int perUser,
                                  @DefaultValue("50") int perAddress,
                                  @DefaultValue("1m") Duration period,
                                  @DefaultValue("100000") int trackedKeys) {
}
