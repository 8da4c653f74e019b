package org.studysupport.command.metadata;

import org.axonframework.messaging.MetaData;
import org.studysupport.api.problem.NotPermittedException;
import org.studysupport.api.security.Actor;
import org.studysupport.api.security.Role;

/** Reads who is acting from a command's metadata, as put there by the dispatch interceptor. */
public final class ActingUser {

    private ActingUser() {
    }

    public static Actor from(MetaData metaData) {
        Object id = metaData.get(Actor.USER_ID);
        Object role = metaData.get(Actor.ROLE);
        if (id == null || role == null) {
            throw new NotPermittedException("The command carries no signed-in user.");
        }
        Object hospital = metaData.get(Actor.HOSPITAL);
        return new Actor(id.toString(), Role.valueOf(role.toString()), hospital == null ? null : hospital.toString());
    }
}
