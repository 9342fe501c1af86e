package io.gatehouse.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PurposeMacsTest {
    private static final byte[] SECRET = "a-test-secret-of-at-least-thirty-two-bytes!".getBytes(StandardCharsets.UTF_8);

    @Test
    void macEqualsTheSaltedHmacOnFirstAndLaterCalls() {
        PurposeMacs macs = new PurposeMacs(SECRET);
        byte[] message = "message".getBytes(StandardCharsets.UTF_8);

        for (int i = 0; i < 3; i++) {
            assertThat(macs.mac("gatehouse.session.auth", message))
                    .isEqualTo(Hmacs.saltedHmac("gatehouse.session.auth", SECRET, message));
        }
    }

    @Test
    void purposesBeyondTheCacheBoundStillGetTheirOwnCorrectMac() {
        PurposeMacs macs = new PurposeMacs(SECRET);
        byte[] message = "message".getBytes(StandardCharsets.UTF_8);

        for (int i = 0; i < 600; i++) {
            assertThat(macs.mac("purpose-" + i, message)).isEqualTo(Hmacs.saltedHmac("purpose-" + i, SECRET, message));
        }
    }

    @Test
    void concurrentCallersNeverShareAMacMidComputation() throws Exception {
        PurposeMacs macs = new PurposeMacs(SECRET);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        byte[] message = ("m" + thread + "-" + i).getBytes(StandardCharsets.UTF_8);
                        String purpose = "p" + (i % 3);
                        if (!java.util.Arrays.equals(macs.mac(purpose, message),
                                Hmacs.saltedHmac(purpose, SECRET, message))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
