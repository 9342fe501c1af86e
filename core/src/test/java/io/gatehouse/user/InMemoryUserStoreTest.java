package io.gatehouse.user;

class InMemoryUserStoreTest extends UserStoreContract {
    @Override
    protected UserStore newStore() {
        return new InMemoryUserStore();
    }
}
