package org.studysupport.api.request;

/** A command that carries a reason; the reason is copied into the message metadata on dispatch. */
public interface Reasoned {
    String reason();
}
