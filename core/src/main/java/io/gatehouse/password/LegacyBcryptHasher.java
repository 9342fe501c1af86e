package io.gatehouse.password;

import java.util.Objects;
import java.util.Optional;

/**
 * Verifies Django's {@code bcrypt$<bcrypt>} hashes and plain {@code $2a$/$2b$/$2y$} strings; never encodes.
 *
 * <p>Passwords longer than 72 UTF-8 bytes are accepted the way Django and every bcrypt accept them: only the
 * first 72 bytes count. Refusing them would lock out every migrated user whose real password is longer, and the
 * truncation is a property of the stored legacy hash, not of anything we write: {@link #needsRehash} is always
 * true, so the next successful login replaces it with {@code bcrypt_sha256}, which does not truncate. A
 * password containing NUL is refused, as Django refuses it, because bcrypt would silently stop at the NUL; the
 * hash is still computed so that the refusal costs the same time as a wrong password. Immutable and
 * thread-safe.
 */
final class LegacyBcryptHasher implements PasswordHasher {

    static final String PREFIX = "bcrypt$";

    @Override
    public String encode(CharSequence raw) {
        Objects.requireNonNull(raw, "raw");
        throw new UnsupportedOperationException(
                "Plain bcrypt truncates passwords at 72 bytes, so Gatehouse only verifies it; encode with "
                        + "PasswordHashers.defaults().");
    }

    @Override
    public boolean matches(CharSequence raw, String encoded) {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(encoded, "encoded");
        if (!recognizes(encoded)) {
            return false;
        }
        // Validate UTF-8 (no lone surrogates) before jbcrypt's own lenient String.getBytes can replace them.
        Optional<byte[]> bytes = RawPasswords.utf8(raw);
        if (bytes.isEmpty()) {
            return false;
        }
        RawPasswords.wipe(bytes.get());
        String password = raw.toString();
        boolean matched = Bcrypt.check(password, bcryptPart(encoded));
        return matched && password.indexOf('\0') < 0;
    }

    @Override
    public boolean needsRehash(String encoded) {
        Objects.requireNonNull(encoded, "encoded");
        return true;
    }

    @Override
    public boolean recognizes(String encoded) {
        Objects.requireNonNull(encoded, "encoded");
        return Bcrypt.recognizes(bcryptPart(encoded), Bcrypt.MAX_FOREIGN_COST);
    }

    private static String bcryptPart(String encoded) {
        return encoded.startsWith(PREFIX) ? encoded.substring(PREFIX.length()) : encoded;
    }

    @Override
    public String toString() {
        return "PasswordHasher[bcrypt, verify only]";
    }
}
