package io.gatehouse.permission;

import io.gatehouse.user.User;
import io.gatehouse.user.UserBuilder;
import java.time.Instant;

/** Users with the flag combinations the authorization tests need. */
final class TestUsers {
    private static final Instant JOINED = Instant.parse("2026-01-01T00:00:00Z");

    private TestUsers() {
    }

    static User user(long id, String name, boolean active, boolean staff, boolean superuser) {
        return UserBuilder.create(name, name + "@example.com", "!unusable", JOINED)
                .active(active).staff(staff).superuser(superuser).build().withId(id);
    }

    static User active(long id) {
        return user(id, "user" + id, true, false, false);
    }

    static User inactive(long id) {
        return user(id, "user" + id, false, false, false);
    }

    static User staff(long id) {
        return user(id, "staff" + id, true, true, false);
    }

    static User superuser(long id) {
        return user(id, "root" + id, true, false, true);
    }

    static User inactiveSuperuser(long id) {
        return user(id, "root" + id, false, true, true);
    }
}
