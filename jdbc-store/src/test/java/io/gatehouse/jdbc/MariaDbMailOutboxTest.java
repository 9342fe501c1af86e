package io.gatehouse.jdbc;

import io.gatehouse.outbox.MailOutbox;
import io.gatehouse.outbox.MailOutboxContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@code MailOutboxContract} suite, unchanged from core's test-jar, on MariaDB. */
@TestOn(Dialect.MARIADB)
class MariaDbMailOutboxTest extends MailOutboxContract {
    @RegisterExtension
    static final DatabaseFixture DB = new DatabaseFixture();

    @Override
    protected MailOutbox newOutbox() {
        return DB.freshStores().outbox();
    }

    @Override
    protected long newUserId(String name) {
        return DB.newUser(name);
    }
}
