package io.gatehouse.password;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mindrot.jbcrypt.BCrypt;

/**
 * Strict parsing and checking of modular-crypt bcrypt strings on top of jbcrypt.
 *
 * <p>jbcrypt only understands {@code $2a$}. {@code $2b$} (OpenBSD's fix for a length overflow that cannot
 * occur for passwords under 256 bytes) and {@code $2y$} (crypt_blowfish's name for the correct algorithm)
 * compute the same function for our inputs, so they are checked as {@code $2a$}. {@code $2x$} marks hashes
 * made by crypt_blowfish's sign-extension bug and is refused.
 */
final class Bcrypt {

    static final int MIN_COST = 4;
    static final int MAX_COST = 31;

    /**
     * Highest cost accepted when verifying a hash this hasher did not produce at its own configured cost.
     * Cost 20 takes several minutes on current hardware; anything above would only be a denial of service.
     */
    static final int MAX_FOREIGN_COST = 20;

    // Version, two-digit cost, 22 salt characters + 31 hash characters in bcrypt's base64 alphabet. Checking the
    // alphabet here matters: jbcrypt 0.4 throws ArrayIndexOutOfBoundsException for some non-ASCII characters.
    private static final Pattern FORMAT = Pattern.compile("\\$2([aby])\\$(\\d{2})\\$[./A-Za-z0-9]{53}");

    private Bcrypt() {
    }

    /** Returns the cost of a well-formed {@code $2a$/$2b$/$2y$} string with a cost in {@code [4, maxCost]}. */
    static OptionalInt cost(String bcrypt, int maxCost) {
        Matcher m = FORMAT.matcher(bcrypt);
        if (!m.matches()) {
            return OptionalInt.empty();
        }
        int cost = Integer.parseInt(m.group(2));
        return cost >= MIN_COST && cost <= maxCost ? OptionalInt.of(cost) : OptionalInt.empty();
    }

    /** Returns whether {@code bcrypt} is well-formed with a cost in {@code [4, maxCost]}. */
    static boolean recognizes(String bcrypt, int maxCost) {
        return cost(bcrypt, maxCost).isPresent();
    }

    /**
     * Hashes {@code key} with the salt of {@code bcrypt} and compares in constant time; the caller has checked
     * {@link #recognizes}.
     */
    static boolean check(String key, String bcrypt) {
        String normalized = "$2a$" + bcrypt.substring(4);
        String computed;
        try {
            computed = BCrypt.hashpw(key, normalized.substring(0, 29));
        } catch (RuntimeException e) {
            // Defensive: the format was validated, but matches() must never throw to the caller.
            return false;
        }
        return MessageDigest.isEqual(
                computed.getBytes(StandardCharsets.US_ASCII), normalized.getBytes(StandardCharsets.US_ASCII));
    }

    /** Hashes {@code key} with a fresh salt and returns a {@code $2b$} string, the version Django writes. */
    static String hash(String key, int cost, SecureRandom random) {
        String hashed = BCrypt.hashpw(key, BCrypt.gensalt(cost, random));
        return "$2b$" + hashed.substring(4);
    }
}
