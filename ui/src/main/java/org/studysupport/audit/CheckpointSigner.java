package org.studysupport.audit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import org.studysupport.query.audit.log.CanonicalEvent;

import java.util.Map;

/** Signs checkpoints with the installation's key, and shows its public part. */
public class CheckpointSigner {

    private final ECKey key;

    public CheckpointSigner(ECKey key) {
        this.key = key;
    }

    public Checkpoint sign(long position, String head, String at) {
        try {
            JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
                    .jwk(key.toPublicJWK()).build(), new Payload(signedContent(position, head, at)));
            jws.sign(new ECDSASigner(key));
            return new Checkpoint(position, head, at, key.getKeyID(), JWSAlgorithm.ES256.getName(), jws.serialize());
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a checkpoint", e);
        }
    }

    /** The public key as a JWK (with its {@code kid}). */
    public Map<String, Object> publicKey() {
        return key.toPublicJWK().toJSONObject();
    }

    /** What a checkpoint's signature covers: the canonical JSON of its position, head and time. */
    public static byte[] signedContent(long position, String head, String at) {
        ObjectNode content = JsonNodeFactory.instance.objectNode();
        content.put("at", at);
        content.put("head", head);
        content.put("position", position);
        return CanonicalEvent.canonicalJson(content);
    }
}
