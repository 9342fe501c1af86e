/**
 * Password hashing: the {@link io.gatehouse.password.PasswordHasher} port and its Django-compatible
 * implementations, obtained from {@link io.gatehouse.password.PasswordHashers}.
 *
 * <p>New hashes use Django's {@code bcrypt_sha256} format; stored Django hashes ({@code pbkdf2_sha256},
 * {@code pbkdf2_sha1}, {@code bcrypt_sha256}, {@code bcrypt} and plain bcrypt strings) verify unchanged and
 * report that they need a rehash, so a migrated user table upgrades itself one login at a time. The
 * implementation classes are package-private; callers see only the port and its factories.
 */
@NullMarked
package io.gatehouse.password;

import org.jspecify.annotations.NullMarked;
