package br.com.balcao.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Remuxes the Opus track of a WebM (Matroska) recording into an Ogg Opus stream (RFC 7845) without decoding: the
 * packets are copied, the granule positions counted from each packet's TOC byte. Streaming, with memory bounded by
 * one block and one page; MediaRecorder's live streams (Segment and Clusters of unknown size) are read as they come.
 * <p>
 * Elements are read flat: a Segment, Cluster or BlockGroup is entered rather than skipped, and everything else at any
 * level is read or skipped by its id, so an unknown-size Cluster ends where the next element begins.
 */
final class WebmOpusToOgg {

    private static final long EBML = 0x1A45DFA3L;
    private static final long DOC_TYPE = 0x4282;
    private static final long SEGMENT = 0x18538067L;
    private static final long CLUSTER = 0x1F43B675L;
    private static final long BLOCK_GROUP = 0xA0;
    private static final long BLOCK = 0xA1;
    private static final long SIMPLE_BLOCK = 0xA3;
    private static final long DISCARD_PADDING = 0x75A2;
    private static final long TRACKS = 0x1654AE6BL;
    private static final long TRACK_ENTRY = 0xAE;
    private static final long TRACK_NUMBER = 0xD7;
    private static final long CODEC_ID = 0x86;
    private static final long CODEC_PRIVATE = 0x63A2;
    private static final long CODEC_DELAY = 0x56AA;
    private static final long AUDIO = 0xE1;
    private static final long CHANNELS = 0x9F;

    private static final int MAX_HEADER = 4096;
    private static final int MAX_TRACKS = 256 * 1024;
    private static final int MAX_PAGE_SAMPLES = Opus.SAMPLE_RATE;
    private static final long NANOS = 1_000_000_000L;

    private final OggPageWriter pages;
    private OpusTrack track;
    private int preSkip;
    private long granule;
    private long lastPageGranule;
    private int pageSamples;
    private boolean lastBlockOurs;
    private long trailingDiscard;

    private WebmOpusToOgg(OutputStream out, int serial) {
        this.pages = new OggPageWriter(out, serial);
    }

    /**
     * Writes the Ogg Opus stream of the WebM read from {@code in} to {@code out} and answers its playing time.
     * On an {@link InvalidVoiceNoteException} the output written so far is incomplete (no end-of-stream page).
     */
    static Duration convert(InputStream in, OutputStream out, int serial) throws IOException {
        return new WebmOpusToOgg(out, serial).run(new EbmlReader(in));
    }

    private Duration run(EbmlReader webm) throws IOException {
        readEbmlHeader(webm);
        Deque<Long> ends = new ArrayDeque<>();
        while (true) {
            while (!ends.isEmpty() && webm.position() >= ends.peek()) {
                if (webm.position() > ends.pop()) {
                    throw new InvalidVoiceNoteException("a WebM element overruns its parent");
                }
            }
            long id = webm.readIdOrEnd();
            if (id < 0) {
                if (!ends.isEmpty()) {
                    throw new InvalidVoiceNoteException("WebM stream truncated: it ends before its Segment does");
                }
                break;
            }
            long size = webm.readSize();
            if (size != EbmlReader.UNKNOWN_SIZE && !ends.isEmpty() && webm.position() + size > ends.peek()) {
                throw new InvalidVoiceNoteException("a WebM element overruns its parent");
            }
            if (id == SEGMENT || id == CLUSTER || id == BLOCK_GROUP) {
                if (size != EbmlReader.UNKNOWN_SIZE) {
                    ends.push(webm.position() + size);
                } else if (id == BLOCK_GROUP) {
                    throw new InvalidVoiceNoteException("a BlockGroup of unknown size");
                }
            } else if (size == EbmlReader.UNKNOWN_SIZE) {
                throw new InvalidVoiceNoteException("WebM element " + Long.toHexString(id) + " of unknown size");
            } else if (id == TRACKS && track == null) {
                startStream(webm.readBody(size, MAX_TRACKS, "the track list"));
            } else if (id == SIMPLE_BLOCK || id == BLOCK) {
                block(webm.readBody(size, OggPageWriter.MAX_PACKET + 16, "a block"));
            } else if (id == DISCARD_PADDING && lastBlockOurs) {
                trailingDiscard = signed(webm.readBody(size, 8, "a discard padding")) * Opus.SAMPLE_RATE / NANOS;
            } else {
                webm.skip(size);
            }
        }
        return finish();
    }

    private static void readEbmlHeader(EbmlReader webm) throws IOException {
        if (webm.readIdOrEnd() != EBML) {
            throw new InvalidVoiceNoteException("not a WebM file (no EBML header)");
        }
        String docType = null;
        EbmlReader header = new EbmlReader(new ByteArrayInputStream(
                webm.readBody(webm.readSize(), MAX_HEADER, "the EBML header")));
        for (long id; (id = header.readIdOrEnd()) >= 0; ) {
            byte[] body = header.readBody(header.readSize(), MAX_HEADER, "the EBML header");
            if (id == DOC_TYPE) {
                docType = new String(body, StandardCharsets.US_ASCII).replace("\0", "");
            }
        }
        if (!"webm".equals(docType) && !"matroska".equals(docType)) {
            throw new InvalidVoiceNoteException("not a WebM file (document type " + docType + ")");
        }
    }

    private void startStream(byte[] tracks) throws IOException {
        List<String> codecs = new ArrayList<>();
        EbmlReader list = new EbmlReader(new ByteArrayInputStream(tracks));
        for (long id; (id = list.readIdOrEnd()) >= 0 && track == null; ) {
            byte[] body = list.readBody(list.readSize(), MAX_TRACKS, "the track list");
            if (id == TRACK_ENTRY) {
                OpusTrack entry = OpusTrack.of(body);
                codecs.add(entry.codec());
                if ("A_OPUS".equals(entry.codec())) {
                    track = entry;
                }
            }
        }
        if (track == null) {
            throw new InvalidVoiceNoteException("the WebM file holds no Opus audio track (tracks: " + codecs + ")");
        }
        byte[] head = track.codecPrivate() != null ? Opus.checkedHead(track.codecPrivate())
                : Opus.head(track.channels(), track.codecDelaySamples() >= 0 ? track.codecDelaySamples() : Opus.DEFAULT_PRE_SKIP);
        preSkip = Opus.preSkip(head);
        writePage(head);
        writePage(Opus.tags());
    }

    private void writePage(byte[] packet) throws IOException {
        pages.add(packet, packet.length);
        pages.flush(0, false);
    }

    private void block(byte[] block) throws IOException {
        int[] length = new int[1];
        long number = EbmlReader.vint(block, 0, length);
        int headerLength = length[0] + 3;
        if (block.length < headerLength) {
            throw new InvalidVoiceNoteException("a WebM block shorter than its header");
        }
        if (track == null) {
            throw new InvalidVoiceNoteException("a WebM block before the track list");
        }
        lastBlockOurs = number == track.number();
        if (!lastBlockOurs) {
            return;
        }
        if ((block[length[0] + 2] & 0x06) != 0) {
            throw new InvalidVoiceNoteException("laced Opus blocks are not supported");
        }
        int packetLength = block.length - headerLength;
        byte[] packet = new byte[packetLength];
        System.arraycopy(block, headerLength, packet, 0, packetLength);
        int samples = Opus.samples(packet, packetLength);
        if (!pages.fits(packetLength) || pageSamples + samples > MAX_PAGE_SAMPLES) {
            pages.flush(granule, false);
            lastPageGranule = granule;
            pageSamples = 0;
        }
        pages.add(packet, packetLength);
        granule += samples;
        pageSamples += samples;
        trailingDiscard = 0;
    }

    private Duration finish() throws IOException {
        if (track == null) {
            throw new InvalidVoiceNoteException("the WebM file has no track list");
        }
        if (pages.isEmpty()) {
            throw new InvalidVoiceNoteException("the recording holds no audio");
        }
        long end = Math.max(lastPageGranule, granule - Math.max(0, trailingDiscard));
        pages.flush(end, true);
        return OggOpusDuration.of(end, preSkip);
    }

    private static long signed(byte[] body) {
        return body.length == 0 ? 0 : EbmlReader.unsigned(body) << (64 - 8 * body.length) >> (64 - 8 * body.length);
    }

    /** The first Opus track's number, codec, channels, CodecPrivate and CodecDelay (in samples, -1 when absent). */
    private record OpusTrack(long number, String codec, int channels, byte[] codecPrivate, int codecDelaySamples) {

        static OpusTrack of(byte[] entry) throws IOException {
            long number = 0;
            String codec = "?";
            int channels = 1;
            byte[] codecPrivate = null;
            int codecDelay = -1;
            EbmlReader fields = new EbmlReader(new ByteArrayInputStream(entry));
            for (long id; (id = fields.readIdOrEnd()) >= 0; ) {
                byte[] body = fields.readBody(fields.readSize(), MAX_TRACKS, "a track entry");
                if (id == TRACK_NUMBER) {
                    number = EbmlReader.unsigned(body);
                } else if (id == CODEC_ID) {
                    codec = new String(body, StandardCharsets.US_ASCII).replace("\0", "");
                } else if (id == CODEC_PRIVATE && body.length > 0) {
                    codecPrivate = body;
                } else if (id == CODEC_DELAY) {
                    codecDelay = (int) Math.min(65535, EbmlReader.unsigned(body) * Opus.SAMPLE_RATE / NANOS);
                } else if (id == AUDIO) {
                    channels = channels(body);
                }
            }
            return new OpusTrack(number, codec, channels, codecPrivate, codecDelay);
        }

        private static int channels(byte[] audio) throws IOException {
            EbmlReader fields = new EbmlReader(new ByteArrayInputStream(audio));
            for (long id; (id = fields.readIdOrEnd()) >= 0; ) {
                byte[] body = fields.readBody(fields.readSize(), MAX_TRACKS, "a track's audio settings");
                if (id == CHANNELS) {
                    return (int) Math.min(255, EbmlReader.unsigned(body));
                }
            }
            return 1;
        }
    }
}
