/**
 * Users: the {@link io.gatehouse.user.User} value, the rules for usernames and email addresses, and the
 * {@link io.gatehouse.user.UserStore} port with its in-memory implementation. Usernames are NFKC-normalised
 * and compared case-insensitively; emails are stored as given and unique on a canonical form. Self-service
 * edits go through {@link io.gatehouse.user.ProfileUpdate}, which cannot reach the account flags.
 */
@NullMarked
package io.gatehouse.user;

import org.jspecify.annotations.NullMarked;
