package br.com.balcao.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OpusTest {

    private static int samples(int... bytes) {
        byte[] packet = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            packet[i] = (byte) bytes[i];
        }
        return Opus.samples(packet, packet.length);
    }

    @Test
    void aPacketsDurationComesFromItsConfigurationAndFrameCount() {
        assertThat(samples(1 << 3)).as("SILK 20 ms, one frame").isEqualTo(960);
        assertThat(samples(3 << 3 | 1)).as("SILK 60 ms, two frames").isEqualTo(5760);
        assertThat(samples(12 << 3 | 2)).as("Hybrid 10 ms, two frames").isEqualTo(960);
        assertThat(samples(15 << 3)).as("Hybrid 20 ms").isEqualTo(960);
        assertThat(samples(16 << 3)).as("CELT 2.5 ms").isEqualTo(120);
        assertThat(samples(31 << 3 | 3, 3)).as("CELT 20 ms, three frames: MediaRecorder's 60 ms packets").isEqualTo(2880);
        assertThat(samples(16 << 3 | 3, 0x80 | 48)).as("48 frames of 2.5 ms, padding flag set").isEqualTo(5760);
    }

    @Test
    void packetsNoDecoderAcceptsAreRefused() {
        assertThatThrownBy(() -> samples()).isInstanceOf(InvalidVoiceNoteException.class);
        assertThatThrownBy(() -> samples(31 << 3 | 3)).isInstanceOf(InvalidVoiceNoteException.class);
        assertThatThrownBy(() -> samples(31 << 3 | 3, 0)).isInstanceOf(InvalidVoiceNoteException.class);
        assertThatThrownBy(() -> samples(3 << 3 | 3, 3)).as("180 ms is more than a packet holds")
                .isInstanceOf(InvalidVoiceNoteException.class);
    }

    @Test
    void onlyMonoAndStereoGetABuiltHead() {
        assertThatThrownBy(() -> Opus.head(6, 312)).isInstanceOf(InvalidVoiceNoteException.class)
                .hasMessageContaining("6 channels");
        assertThatThrownBy(() -> Opus.checkedHead(Opus.tags())).isInstanceOf(InvalidVoiceNoteException.class);
    }
}
