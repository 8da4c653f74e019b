package org.studysupport.command.idempotency;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;
import org.studysupport.api.security.Actor;

import java.util.UUID;

/**
 * Claims a command's idempotency key before the command is handled, inside the same transaction,
 * and records the request's version after it: if the command fails, the claim is rolled back with
 * it; if another call holds the key, this one fails and stores nothing. Commands without a key
 * pass untouched.
 */
@Component
public class IdempotencyInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final IdempotencyKeys keys;

    public IdempotencyInterceptor(IdempotencyKeys keys) {
        this.keys = keys;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        MetaData metaData = unitOfWork.getMessage().getMetaData();
        Object key = metaData.get(IdempotencyKeys.KEY);
        if (key == null) {
            return chain.proceed();
        }
        String userId = String.valueOf(metaData.get(Actor.USER_ID));
        IdempotencyKeys.Call call = new IdempotencyKeys.Call(key.toString(),
                String.valueOf(metaData.get(IdempotencyKeys.TARGET)),
                String.valueOf(metaData.get(IdempotencyKeys.FINGERPRINT)));
        keys.claim(userId, call, UUID.fromString(String.valueOf(metaData.get(IdempotencyKeys.REQUEST_ID))));
        Object result = chain.proceed();
        if (result instanceof Long version) {
            keys.recordVersion(userId, call.key(), version);
        }
        return result;
    }
}
