package io.gatehouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.testing.ReadmeBlocks;
import org.junit.jupiter.api.Test;

/**
 * Every Java block of the README is code that a test or example marks (and runs); each module's own README test
 * checks the other direction, that the README shows its marked code verbatim.
 */
class ReadmeCoverageTest {
    @Test
    void everyJavaBlockOfTheReadmeIsMarkedCodeOfSomeModule() {
        assertThat(ReadmeBlocks.assertEveryReadmeBlockIsMarkedCode()).isGreaterThanOrEqualTo(9);
    }
}
