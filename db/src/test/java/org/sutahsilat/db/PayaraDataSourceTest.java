package org.sutahsilat.db;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PayaraDataSourceTest {

    @Test
    void splitsTheUrlIntoEscapedPoolProperties() {
        var settings = new DatabaseSettings("jdbc:mysql://db.local:3307/su?sslMode=REQUIRED&connectionTimeZone=UTC",
                "app", "p:a=ss");
        var commands = PayaraDataSource.commands(settings);
        assertThat(commands).hasSize(2);
        assertThat(commands.get(0))
                .contains("serverName=db.local:port=3307:databaseName=su:user=app:password=p\\:a\\=ss")
                .contains(":sslMode=REQUIRED:connectionTimeZone=UTC")
                .endsWith(" " + PayaraDataSource.POOL_NAME);
        assertThat(commands.get(1)).isEqualTo("create-jdbc-resource --connectionpoolid sutahsilat-pool jdbc/sutahsilat");
    }

    @Test
    void addsTheDriverCachesUnlessTheUrlSetsThemAndValidatesAtMostOnceAPeriod() {
        var commands = PayaraDataSource.commands(
                new DatabaseSettings("jdbc:mysql://h/d?prepStmtCacheSize=50", "u", "p"));
        assertThat(commands.get(0))
                .contains(":prepStmtCacheSize=50:cachePrepStmts=true:prepStmtCacheSqlLimit=4096")
                .contains(":useLocalSessionState=true").contains(":openTelemetry=DISABLED")
                .doesNotContain("prepStmtCacheSize=256")
                .contains("--validationmethod auto-commit --validateatmostonceperiod 15");
    }

    @Test
    void emptyPasswordAndDefaultPort() {
        var commands = PayaraDataSource.commands(new DatabaseSettings("jdbc:mysql://localhost/su", "root", ""));
        assertThat(commands.get(0)).contains("serverName=localhost:port=3306:databaseName=su:user=root:password=()");
    }

    @Test
    void rejectsNonMysqlUrls() {
        assertThatThrownBy(() -> new DatabaseSettings("jdbc:postgresql://x/y", "u", "p"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringHidesThePassword() {
        assertThat(new DatabaseSettings("jdbc:mysql://h/d", "u", "secret").toString()).doesNotContain("secret");
    }

    @Test
    void aPoolOutsidePayaraGetsTheSameDriverSettingsUnlessTheUrlSetsThem() {
        assertThat(PayaraDataSource.urlWithDriverDefaults(new DatabaseSettings(
                "jdbc:mysql://db.example:3307/su?prepStmtCacheSize=50&sslMode=REQUIRED", "u", "p")))
                .isEqualTo("jdbc:mysql://db.example:3307/su?prepStmtCacheSize=50&sslMode=REQUIRED&cachePrepStmts=true"
                        + "&prepStmtCacheSqlLimit=4096&useLocalSessionState=true&cacheServerConfiguration=true"
                        + "&openTelemetry=DISABLED");
    }
}
