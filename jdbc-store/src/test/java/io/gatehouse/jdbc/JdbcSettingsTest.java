package io.gatehouse.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class JdbcSettingsTest {
    @Test
    void defaultsUseTheGatehousePrefixAndDetectTheDialect() {
        assertThat(JdbcSettings.defaults().tablePrefix()).isEqualTo("gatehouse_");
        assertThat(JdbcSettings.defaults().dialect()).isEmpty();
        assertThat(JdbcSettings.defaults().permissionCache()).isEqualTo(JdbcSettings.DEFAULT_PERMISSION_CACHE)
                .isEqualTo(20_000);
    }

    @Test
    void thePermissionCacheSizeIsKeptThroughOtherChangesAndANegativeOneIsRefusedNamingIt() {
        JdbcSettings settings = JdbcSettings.defaults().withPermissionCache(0).withTablePrefix("auth_")
                .withDialect(Dialect.H2);

        assertThat(settings.permissionCache()).isZero();
        assertThat(settings.withPermissionCache(5).permissionCache()).isEqualTo(5);
        assertThat(settings.toString()).contains("permissionCache=0");
        assertThatThrownBy(() -> JdbcSettings.defaults().withPermissionCache(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("permissionCache");
    }

    @Test
    void aValidPrefixAndADialectAreKept() {
        JdbcSettings settings = JdbcSettings.defaults().withTablePrefix("auth2_").withDialect(Dialect.MARIADB);

        assertThat(settings.tablePrefix()).isEqualTo("auth2_");
        assertThat(settings.dialect()).contains(Dialect.MARIADB);
        assertThat(JdbcSettings.defaults().withTablePrefix("a".repeat(23) + "_").tablePrefix()).hasSize(24);
    }

    @Test
    void malformedPrefixesAreRefusedNamingTheField() {
        for (String bad : List.of("", "_", "auth", "Auth_", "1auth_", "auth-_", "auth _", "auth;drop_", "a\u0000_",
                "ａuth_", "a".repeat(24) + "_", "auth_\n")) {
            assertThatThrownBy(() -> JdbcSettings.defaults().withTablePrefix(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tablePrefix")
                    .hasMessageNotContaining("\u0000");
        }
        assertThatThrownBy(() -> SchemaInstaller.install(new org.h2.jdbcx.JdbcDataSource(), "bad-prefix"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tablePrefix");
    }
}
