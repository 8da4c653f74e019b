package org.studysupport.command.idempotency;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;
import org.studysupport.api.request.SubmitRequest;
import org.studysupport.api.security.Actor;

/**
 * Claims a submission's idempotency key before the submission is handled, inside the same
 * transaction: if the submission fails, the claim is rolled back with it; if another submission
 * holds the key, this one fails and stores nothing.
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
        CommandMessage<?> command = unitOfWork.getMessage();
        Object key = command.getMetaData().get(IdempotencyKeys.KEY);
        if (key != null && command.getPayload() instanceof SubmitRequest submission) {
            keys.claim(String.valueOf(command.getMetaData().get(Actor.USER_ID)), key.toString(),
                    String.valueOf(command.getMetaData().get(IdempotencyKeys.FINGERPRINT)), submission.requestId());
        }
        return chain.proceed();
    }
}
