package org.studysupport.notification;

/** Delivers a claimed message over one channel; never throws for the receiver's failures, it reports them. */
interface Sender {

    Delivery send(Outbox.Claimed message) throws InterruptedException;
}
