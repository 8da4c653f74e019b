package org.studysupport.messaging;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;
import org.studysupport.api.request.Reasoned;
import org.studysupport.api.security.Actor;
import org.studysupport.security.CurrentActor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The one place where who and why are attached to a command: the signed-in user's id, role and
 * hospital, and the command's reason where it has one. Axon copies them, with the correlation id,
 * onto every event the command causes (see {@link MessagingConfiguration}).
 */
public class ActorMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Map<String, Object> added = new HashMap<>();
            if (!command.getMetaData().containsKey(Actor.USER_ID)) {
                CurrentActor.find().ifPresent(actor -> {
                    added.put(Actor.USER_ID, actor.id());
                    added.put(Actor.ROLE, actor.role().name());
                    if (actor.hospital() != null) {
                        added.put(Actor.HOSPITAL, actor.hospital());
                    }
                });
            }
            if (command.getPayload() instanceof Reasoned reasoned && reasoned.reason() != null) {
                added.put(Actor.REASON, reasoned.reason());
            }
            return added.isEmpty() ? command : command.andMetaData(MetaData.from(added));
        };
    }
}
