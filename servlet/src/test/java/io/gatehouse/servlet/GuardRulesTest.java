package io.gatehouse.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.guard.Guard;
import io.gatehouse.guard.GuardDecision;
import io.gatehouse.guard.LoginRedirects;
import io.gatehouse.permission.Permission;
import io.gatehouse.permission.Subject;
import io.gatehouse.user.User;
import io.gatehouse.user.UserBuilder;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GuardRulesTest {
    private static final Permission VIEW = Permission.of("reports.view_report");
    private static final GuardRules RULES = GuardRules.builder(LoginRedirects.to("/login"))
            .loginRequired("/members/*")
            .permissionRequired("/reports/*", VIEW)
            .staffRequired("/staff")
            .build();

    @ParameterizedTest
    @ValueSource(strings = {"/members", "/members/", "/members/x/y", "/MEMBERS", "/Members/X"})
    void prefixPatternCoversItselfAndBelowIgnoringCase(String path) {
        assertThat(RULES.guardFor(path)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/membersx", "/member", "/public/members", "/staffroom", "/staff/x"})
    void otherPathsAreNotGuarded(String path) {
        assertThat(RULES.guardFor(path)).isEmpty();
    }

    @Test
    void exactPatternAlsoMatchesWithATrailingSlash() {
        assertThat(RULES.guardFor("/staff")).isPresent();
        assertThat(RULES.guardFor("/STAFF/")).isPresent();
    }

    @Test
    void everyMatchingRuleApplies() {
        GuardRules rules = GuardRules.builder(LoginRedirects.to("/login"))
                .loginRequired("/*")
                .permissionRequired("/reports/*", VIEW)
                .build();
        Subject member = Subject.of(user(), Set.of());
        Subject reader = Subject.of(user(), Set.of(VIEW));

        assertThat(rules.guardFor("/reports/q1").orElseThrow().decide(member, "/reports/q1"))
                .isInstanceOf(GuardDecision.Forbidden.class);
        assertThat(rules.guardFor("/reports/q1").orElseThrow().decide(reader, "/reports/q1").allowed()).isTrue();
        assertThat(rules.guardFor("/anything").orElseThrow().decide(Subject.anonymous(), "/anything"))
                .isEqualTo(new GuardDecision.RedirectToLogin("/login?next=%2Fanything"));
    }

    @Test
    void convenienceRulesUseTheTablesLoginPage() {
        assertThat(RULES.guardFor("/members/x").orElseThrow().decide(Subject.anonymous(), "/members/x"))
                .isEqualTo(new GuardDecision.RedirectToLogin("/login?next=%2Fmembers%2Fx"));
    }

    @Test
    void requireTakesTheGuardAsGiven() {
        GuardRules rules = GuardRules.builder(LoginRedirects.to("/login"))
                .require("/admin/*", Guard.staffRequired().withLogin(LoginRedirects.to("/admin/login")))
                .build();

        assertThat(rules.guardFor("/admin/").orElseThrow().decide(Subject.anonymous(), "/admin/"))
                .isEqualTo(new GuardDecision.RedirectToLogin("/admin/login?next=%2Fadmin%2F"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "members", "/members*", "/*/x", "*.jsp", "/a/../b", "//x", "/x;y", "/x/",
            "/x\\y", "/x/**"})
    void malformedPatternsAreRefusedNamingTheField(String pattern) {
        assertThatThrownBy(() -> GuardRules.builder(LoginRedirects.defaults()).loginRequired(pattern))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("pattern must be");
    }

    @Test
    void rootPatternsAreAccepted() {
        GuardRules rules = GuardRules.builder(LoginRedirects.defaults()).loginRequired("/").build();

        assertThat(rules.guardFor("/")).isPresent();
        assertThat(rules.guardFor("/x")).isEmpty();
    }

    private static User user() {
        return UserBuilder.create("ann", "ann@example.com", "!unusable", Instant.EPOCH).build().withId(7);
    }
}
