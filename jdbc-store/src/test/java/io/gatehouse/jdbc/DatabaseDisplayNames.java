package io.gatehouse.jdbc;

import java.lang.reflect.Method;
import org.junit.jupiter.api.DisplayNameGenerator;

/** Appends the database of the class's {@link TestOn} to every display name: {@code name() [MariaDB]}. */
class DatabaseDisplayNames extends DisplayNameGenerator.Standard {
    @Override
    public String generateDisplayNameForClass(Class<?> testClass) {
        return super.generateDisplayNameForClass(testClass) + suffix(testClass);
    }

    @Override
    public String generateDisplayNameForNestedClass(Class<?> nestedClass) {
        return super.generateDisplayNameForNestedClass(nestedClass) + suffix(nestedClass);
    }

    @Override
    public String generateDisplayNameForMethod(Class<?> testClass, Method testMethod) {
        return super.generateDisplayNameForMethod(testClass, testMethod) + suffix(testClass);
    }

    static String suffix(Class<?> testClass) {
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            TestOn on = c.getAnnotation(TestOn.class);
            if (on != null) {
                return " [" + DatabaseFixture.displayName(on.value()) + "]";
            }
        }
        return "";
    }
}
