package io.gatehouse.password;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Encodes with one hasher and verifies any supported format, choosing the verifier by the stored value itself.
 *
 * <p>The encoder is asked first, so its own output (at any accepted cost) is checked by it; other values go to
 * the first verifier that {@link PasswordHasher#recognizes recognizes} them. Unusable markers ({@code !...}) and
 * unknown values match nothing. Immutable and thread-safe.
 */
final class DelegatingPasswordHasher implements PasswordHasher {

    private final PasswordHasher encoder;
    private final List<PasswordHasher> verifiers;

    DelegatingPasswordHasher(PasswordHasher encoder, List<PasswordHasher> verifiers) {
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.verifiers = List.copyOf(verifiers);
    }

    @Override
    public String encode(CharSequence raw) {
        Objects.requireNonNull(raw, "raw");
        return encoder.encode(raw);
    }

    @Override
    public boolean matches(CharSequence raw, String encoded) {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(encoded, "encoded");
        if (raw.length() > RawPasswords.MAX_LENGTH) {
            return false;
        }
        return verifierFor(encoded).map(v -> v.matches(raw, encoded)).orElse(false);
    }

    @Override
    public boolean needsRehash(String encoded) {
        Objects.requireNonNull(encoded, "encoded");
        return !encoder.recognizes(encoded) || encoder.needsRehash(encoded);
    }

    @Override
    public boolean recognizes(String encoded) {
        Objects.requireNonNull(encoded, "encoded");
        return verifierFor(encoded).isPresent();
    }

    private Optional<PasswordHasher> verifierFor(String encoded) {
        if (!PasswordHashers.isUsable(encoded)) {
            return Optional.empty();
        }
        if (encoder.recognizes(encoded)) {
            return Optional.of(encoder);
        }
        return verifiers.stream().filter(v -> v.recognizes(encoded)).findFirst();
    }

    @Override
    public String toString() {
        return "PasswordHasher[delegating, encodes with " + encoder + "]";
    }
}
