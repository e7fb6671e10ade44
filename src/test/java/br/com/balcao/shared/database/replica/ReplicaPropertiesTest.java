package br.com.balcao.shared.database.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReplicaPropertiesTest {

    @Test
    void aLagBoundOrProbeIntervalThatIsNotPositiveStopsTheStartWithTheSettingsName() {
        assertThatThrownBy(() -> new ReplicaProperties(Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessageContaining("balcao.replica.max-lag");
        assertThatThrownBy(() -> new ReplicaProperties(Duration.ofSeconds(-5), Duration.ofSeconds(1)))
                .hasMessageContaining("balcao.replica.max-lag");
        assertThatThrownBy(() -> new ReplicaProperties(Duration.ofSeconds(5), Duration.ZERO))
                .hasMessageContaining("balcao.replica.probe-interval");
    }

    @Test
    void aSessionReadsThePrimaryForTheBoundPlusOneProbeAfterItsWrite() {
        assertThat(new ReplicaProperties(Duration.ofSeconds(5), Duration.ofSeconds(1)).readYourWritesWindow())
                .isEqualTo(Duration.ofSeconds(6));
    }
}
