package io.gatehouse.bench;

/** The mail row with STARTTLS: every connection of every sender upgrades to TLS, checking the sink's certificate. */
class MailBenchmarkStartTlsTest extends MailBenchmarkTest {

    @Override
    String security() {
        return "starttls";
    }

    @Override
    long handshakes(long connections) {
        return connections;
    }
}
