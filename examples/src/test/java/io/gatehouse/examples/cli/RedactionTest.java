package io.gatehouse.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Database URLs and driver messages lose their passwords before they are shown. */
class RedactionTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "jdbc:h2:tcp://db/x;USER=sa;PASSWORD=s3cret;MODE=Oracle | jdbc:h2:tcp://db/x;USER=sa;PASSWORD=****;MODE=Oracle",
        "jdbc:postgresql://db/a?user=a&password=s3cret&ssl=true | jdbc:postgresql://db/a?user=a&password=****&ssl=true",
        "jdbc:mariadb://app:s3cret@db:3306/app | jdbc:mariadb://app:****@db:3306/app",
        "jdbc:postgresql://db/app?Password = s3cret | jdbc:postgresql://db/app?Password = ****",
        "jdbc:h2:file:/var/data/gatehouse;AUTO_SERVER=TRUE | jdbc:h2:file:/var/data/gatehouse;AUTO_SERVER=TRUE",
    })
    void passwordsAreMaskedAndTheRestIsKept(String url, String shown) {
        assertThat(Redaction.mask(url)).isEqualTo(shown).doesNotContain("s3cret");
    }
}
