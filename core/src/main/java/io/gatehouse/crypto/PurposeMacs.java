package io.gatehouse.crypto;

import java.security.GeneralSecurityException;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMACs of one secret, with the purpose-derived key of each purpose computed once: a {@link Mac} per
 * purpose is initialised on first use and cloned for every call, which skips the key derivation and the
 * provider lookup that otherwise cost about twice the HMAC itself. Thread-safe: the kept {@code Mac}s are
 * never used directly, only cloned.
 */
final class PurposeMacs {
    /** Purposes are a handful of constants; the bound stops a caller with unbounded purposes from filling memory. */
    private static final int MAX_CACHED_PURPOSES = 256;

    private final byte[] secret;
    private final ConcurrentHashMap<String, Mac> initialised = new ConcurrentHashMap<>();

    PurposeMacs(byte[] secret) {
        this.secret = secret;
    }

    byte[] mac(String purpose, byte[] message) {
        Mac prototype = initialised.get(purpose);
        if (prototype == null) {
            prototype = init(purpose);
            if (initialised.size() < MAX_CACHED_PURPOSES) {
                initialised.putIfAbsent(purpose, prototype);
            }
        }
        try {
            Mac mac = (Mac) prototype.clone();
            return mac.doFinal(message);
        } catch (CloneNotSupportedException e) {
            // A provider whose Mac cannot be cloned: fall back to a fresh one per call.
            return Hmacs.saltedHmac(purpose, secret, message);
        }
    }

    private Mac init(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Hmacs.derivedKey(purpose, secret), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java runtime lacks HmacSHA256.", e);
        }
    }

    @Override
    public String toString() {
        return "PurposeMacs[" + initialised.size() + " purposes]";
    }
}
