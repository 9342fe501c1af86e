package io.gatehouse.throttle;

class InMemoryThrottleStoreTest extends ThrottleStoreContract {
    @Override
    protected ThrottleStore newStore() {
        return new InMemoryThrottleStore();
    }
}
