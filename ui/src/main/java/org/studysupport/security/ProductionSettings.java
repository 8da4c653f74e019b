package org.studysupport.security;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

import java.util.ArrayList;
import java.util.List;

/**
 * Refuses a production start (profile {@code prod}) with settings that would let anyone in or put
 * made-up data into the real store: the demo users (password {@code demo}) or the demo data
 * switched on, or no way to verify bearer tokens with their issuer. It runs before any bean is
 * made, so the start fails before it touches the database, with {@link UnsafeProductionSettingsException}
 * telling what to change.
 */
public final class ProductionSettings implements BeanFactoryPostProcessor, EnvironmentAware {

    public static final String PROFILE = "prod";

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        List<String> problems = problems(environment);
        if (!problems.isEmpty()) {
            throw new UnsafeProductionSettingsException(problems);
        }
    }

    /** What is wrong with the settings for production; empty when nothing is. */
    static List<String> problems(Environment environment) {
        Binder settings = Binder.get(environment);
        List<String> problems = new ArrayList<>();
        if (settings.bind("study-support.security.demo-users", Boolean.class).orElse(false)) {
            problems.add("The demo users are switched on (study-support.security.demo-users=true): anyone could "
                    + "sign in as them with the password 'demo'. Switch them off; users sign in with bearer tokens "
                    + "from the identity provider.");
        }
        if (settings.bind("study-support.demo-data.enabled", Boolean.class).orElse(false)) {
            problems.add("The demo data is switched on (study-support.demo-data.enabled=true): it would put made-up "
                    + "requests into the production store. Switch it off.");
        }
        if (settings.bind("study-support.notifications.webhooks.allow-http-loopback", Boolean.class).orElse(false)) {
            problems.add("Webhook endpoints may be plain http:// to a loopback address "
                    + "(study-support.notifications.webhooks.allow-http-loopback=true): their messages and signatures "
                    + "would travel unencrypted. Switch it off; endpoints are https://.");
        }
        if (!TokenSettings.named(environment, TokenSettings.ISSUER)) {
            problems.add("No token issuer is configured, so no bearer token could be verified. Set "
                    + TokenSettings.ISSUER + " to the identity provider's issuer (its keys are then found "
                    + "through its OpenID metadata, or set " + TokenSettings.KEY_SET + " or "
                    + TokenSettings.PUBLIC_KEY + " as well).");
        }
        return problems;
    }
}
