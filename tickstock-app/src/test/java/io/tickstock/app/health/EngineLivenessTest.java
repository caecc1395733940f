package io.tickstock.app.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EngineLivenessTest {
    static String beat(long millis) {
        return String.format("%.3f", millis / 1000.0);
    }

    @Test
    void aliveWhileTheHeartbeatIsFreshLostWhenItExpiresOrAgesBackWhenItReturns() {
        EngineLiveness l = new EngineLiveness(45_000);
        long t = 1_700_000_000_000L;
        assertThat(l.update(null, t)).as("no engine yet is not a lost one").isNull();
        assertThat(l.status()).isEqualTo(EngineLiveness.Status.NONE);
        assertThat(l.update(beat(t), t + 100).to()).isEqualTo(EngineLiveness.Status.ALIVE);
        assertThat(l.update(beat(t), t + 45_000)).isNull();
        EngineLiveness.Transition lost = l.update(beat(t), t + 45_001);
        assertThat(lost.to()).as("an old heartbeat (an engine without TTLs)").isEqualTo(EngineLiveness.Status.LOST);
        assertThat(lost.lastHeartbeatMillis()).isEqualTo(t);
        assertThat(l.update(null, t + 50_000)).as("the key expired: still lost").isNull();
        assertThat(l.update(beat(t + 60_000), t + 60_010).to()).isEqualTo(EngineLiveness.Status.ALIVE);
        assertThat(l.update(null, t + 61_000).to())
                .as("the key expired (kill -9: TTL of three intervals)")
                .isEqualTo(EngineLiveness.Status.LOST);
        assertThat(l.snapshot()).containsEntry("status", "lost").containsEntry("heartbeat_age_seconds", 1.0);
        assertThat(l.update("garbage", t + 62_000)).isNull();
    }

    @Test
    void aKeyWithATimeToLiveIsAliveWhateverTheEnginesInterval() {
        EngineLiveness l = new EngineLiveness(45_000);
        long t = 1_700_000_000_000L;
        assertThat(l.update(beat(t), 170_000, t + 60_000).to())
                .as("a 60-s heartbeat, 180-s TTL")
                .isEqualTo(EngineLiveness.Status.ALIVE);
        assertThat(l.update(null, -2, t + 181_000).to()).isEqualTo(EngineLiveness.Status.LOST);
    }
}
