package org.studysupport.command.metadata;

import org.axonframework.messaging.MetaData;
import org.studysupport.api.security.Actor;

import java.util.HashMap;
import java.util.Map;

/**
 * The application itself as the actor of what it records on its own, such as a clock's warning or
 * breach when its deadline falls due. It has no {@link org.studysupport.api.security.Role}: user
 * tokens map onto that enum, and no user may ever act as the system.
 */
public final class SystemActor {

    public static final String USER_ID = "system";
    public static final String ROLE = "SYSTEM";

    private SystemActor() {
    }

    /**
     * The metadata of a message or event the system causes: its user id and role, the reason, and
     * an explicit empty hospital, so that nothing of a user's command it happens in is taken for
     * the system's.
     */
    public static MetaData metaData(String reason) {
        Map<String, Object> values = new HashMap<>();
        values.put(Actor.USER_ID, USER_ID);
        values.put(Actor.ROLE, ROLE);
        values.put(Actor.HOSPITAL, null);
        values.put(Actor.REASON, reason);
        return MetaData.from(values);
    }
}
