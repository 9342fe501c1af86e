package io.gatehouse.jdbc;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.DisplayNameGeneration;

/**
 * The database a test class runs on. {@link DatabaseFixture} connects to it, and every test's display name
 * (in the console and the surefire reports) ends with the database's name, e.g. {@code [PostgreSQL]}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@DisplayNameGeneration(DatabaseDisplayNames.class)
@interface TestOn {
    /**
     * The database.
     *
     * @return the dialect
     */
    Dialect value();
}
