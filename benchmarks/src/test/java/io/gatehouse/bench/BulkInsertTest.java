package io.gatehouse.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BulkInsertTest {

    private static String copyText(Object value) {
        StringBuilder out = new StringBuilder();
        BulkInsert.appendCopyText(out, value);
        return out.toString();
    }

    @Test
    void copyTextEscapesWhatCopyWouldReadAsStructure() {
        assertThat(copyText("a\\tb")).isEqualTo("a\\\\tb");
        assertThat(copyText("a\tb\nc\rd")).isEqualTo("a\\tb\\nc\\rd");
        assertThat(copyText(true)).isEqualTo("t");
        assertThat(copyText(false)).isEqualTo("f");
        assertThat(copyText(42L)).isEqualTo("42");
        assertThat(copyText(new byte[] {0x0a, (byte) 0xff})).isEqualTo("\\\\x0aff");
        StringBuilder out = new StringBuilder();
        BulkInsert.appendCopyText(out, null);
        assertThat(out).hasToString("\\N");
    }

    @Test
    void batchesOnH2InsertEveryRowOnceCommitted() {
        try (IsolatedDatabase db = BenchDatabase.H2.open(1)) {
            db.execute("CREATE TABLE t (id BIGINT PRIMARY KEY, name VARCHAR(20), flag BOOLEAN, data VARBINARY(4))");
            try (BulkInsert rows = BulkInsert.into(db.dataSource(), db.database(), "t", "id", "name", "flag", "data")) {
                for (long i = 0; i < 2_345; i++) {
                    rows.row(i, "n" + i, i % 2 == 0, i == 0 ? null : new byte[] {1});
                }
            }

            assertThat(db.count("t", "")).isEqualTo(2_345);
            assertThat(db.count("t", "flag")).isEqualTo(1_173);
            assertThat(db.count("t", "data IS NULL")).isEqualTo(1);
        }
    }

    @Test
    void aRowOfTheWrongWidthIsRefused() {
        try (IsolatedDatabase db = BenchDatabase.H2.open(1)) {
            db.execute("CREATE TABLE t (id BIGINT)");
            try (BulkInsert rows = BulkInsert.into(db.dataSource(), db.database(), "t", "id")) {
                assertThatThrownBy(() -> rows.row(1L, 2L)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("values must have 1 entries, had 2.");
            }
        }
    }
}
