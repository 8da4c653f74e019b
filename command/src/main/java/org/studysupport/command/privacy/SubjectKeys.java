package org.studysupport.command.privacy;

import java.time.Instant;
import java.util.List;

/**
 * Destroys the keys of a data subject, in the transaction of the command that records the erasure,
 * and remembers that the subject was erased (which also hides contacts stored in plaintext before
 * sealing existed). A port, like {@link ContactSealer}, whose keys it destroys.
 */
public interface SubjectKeys {

    /** @return the ids of the keys destroyed: every key of the subject that still existed */
    List<String> destroy(String subject, Instant erasedAt);
}
