// The composer's voice recorder, on the Desk and in Conversations: the microphone button starts recording (no need to
// hold it), the panel shows the time and offers stop or cancel, then a player to listen before sending. Sending hands
// the recording to the composer's attachments as {file, voice: true} through a 'composer:attach' event; the server
// turns WebM into the Ogg Opus WhatsApp plays as a voice note. The composer is redrawn by htmx, so everything is
// looked up when used, and a recording whose composer went away is dropped with its microphone.
(function () {
    'use strict';
    var MAX_SECONDS = 15 * 60;
    // Speech needs little: at 24 kbit/s WhatsApp still shows a play button (files up to 512 KB) for almost 3 minutes.
    var BITS_PER_SECOND = 24000;
    // Ogg Opus is what WhatsApp plays as a voice note: Firefox records it; Chromium records WebM, converted on the server.
    var TYPES = ['audio/ogg;codecs=opus', 'audio/webm;codecs=opus', 'audio/webm'];
    var session = null; // {recorder, stream, chunks, started, timer, cancelled, panel}
    var recording = null; // the File waiting in the preview
    var previewUrl = null;

    function panel() {
        return document.getElementById('voice-recorder');
    }

    function part(name) {
        var root = panel();
        return root && root.querySelector('[data-voice-' + name + ']');
    }

    function show(state, message) {
        var root = panel();
        if (!root) {
            return;
        }
        part('recording').hidden = state !== 'recording';
        part('preview').hidden = state !== 'preview';
        var error = part('error');
        error.hidden = !message;
        error.textContent = message || '';
        root.hidden = state === 'idle' && !message;
        var button = document.getElementById('voice-record');
        if (button) {
            button.disabled = state === 'recording';
            button.classList.toggle('active', state !== 'idle');
        }
    }

    function elapsed(seconds) {
        var whole = Math.floor(seconds);
        return Math.floor(whole / 60) + ':' + String(whole % 60).padStart(2, '0');
    }

    function releaseMicrophone() {
        if (session) {
            clearInterval(session.timer);
            session.stream.getTracks().forEach(function (track) {
                track.stop();
            });
        }
    }

    function clearPreview() {
        var player = part('player');
        if (player) {
            player.removeAttribute('src');
            player.load();
        }
        if (previewUrl) {
            URL.revokeObjectURL(previewUrl);
        }
        previewUrl = null;
        recording = null;
    }

    function failure(error) {
        var texts = panel() ? panel().dataset : {};
        var name = error && error.name;
        if (name === 'NotAllowedError' || name === 'SecurityError') {
            return texts.deniedText;
        }
        if (name === 'NotFoundError' || name === 'OverconstrainedError') {
            return texts.noMicrophoneText;
        }
        return texts.failedText;
    }

    function supportedType() {
        for (var i = 0; i < TYPES.length; i++) {
            if (MediaRecorder.isTypeSupported(TYPES[i])) {
                return TYPES[i];
            }
        }
        return '';
    }

    function start() {
        if (session) {
            return;
        }
        clearPreview();
        if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia || typeof MediaRecorder === 'undefined') {
            show('idle', panel().dataset.unsupportedText);
            return;
        }
        navigator.mediaDevices.getUserMedia({ audio: true }).then(function (stream) {
            var type = supportedType();
            var recorder = type ? new MediaRecorder(stream, { mimeType: type, audioBitsPerSecond: BITS_PER_SECOND })
                    : new MediaRecorder(stream, { audioBitsPerSecond: BITS_PER_SECOND });
            session = { recorder: recorder, stream: stream, chunks: [], started: Date.now(), cancelled: false, panel: panel() };
            var current = session;
            recorder.addEventListener('dataavailable', function (event) {
                if (event.data && event.data.size > 0) {
                    current.chunks.push(event.data);
                }
            });
            recorder.addEventListener('stop', function () {
                finished(current);
            });
            recorder.addEventListener('error', function (event) {
                current.cancelled = true;
                show('idle', failure(event.error));
            });
            recorder.start(500);
            part('elapsed').textContent = elapsed(0);
            show('recording');
            session.timer = setInterval(function () {
                if (!current.panel.isConnected) {
                    cancel();
                    return;
                }
                var seconds = (Date.now() - current.started) / 1000;
                part('elapsed').textContent = elapsed(seconds);
                if (seconds >= MAX_SECONDS) {
                    stop();
                }
            }, 250);
        }).catch(function (error) {
            show('idle', failure(error));
        });
    }

    function stop() {
        if (session && session.recorder.state !== 'inactive') {
            session.recorder.stop();
        }
    }

    function cancel() {
        if (session) {
            session.cancelled = true;
            stop();
        }
        show('idle');
    }

    function finished(ended) {
        releaseMicrophone();
        session = null;
        if (ended.cancelled || !ended.panel.isConnected) {
            return;
        }
        var type = (ended.recorder.mimeType || ended.chunks[0] && ended.chunks[0].type || 'audio/webm').split(';')[0];
        var blob = new Blob(ended.chunks, { type: type });
        if (blob.size === 0) {
            show('idle', panel().dataset.failedText);
            return;
        }
        var extension = type === 'audio/ogg' ? '.ogg' : '.webm';
        var stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
        recording = new File([blob], 'voice-' + stamp + extension, { type: type });
        previewUrl = URL.createObjectURL(recording);
        part('player').src = previewUrl;
        show('preview');
    }

    function send() {
        if (!recording) {
            return;
        }
        var file = recording;
        document.dispatchEvent(new CustomEvent('composer:attach', { detail: { file: file, voice: true } }));
        clearPreview();
        show('idle');
    }

    function discard() {
        clearPreview();
        show('idle');
    }

    var actions = { record: start, stop: stop, cancel: cancel, send: send, discard: discard };
    document.addEventListener('click', function (event) {
        var target = event.target.closest && event.target.closest(
                '[data-voice-record], [data-voice-stop], [data-voice-cancel], [data-voice-send], [data-voice-discard]');
        if (!target) {
            return;
        }
        for (var name in actions) {
            if (target.hasAttribute('data-voice-' + name)) {
                event.preventDefault();
                actions[name]();
                return;
            }
        }
    });
    document.addEventListener('keydown', function (event) {
        if (event.key === 'Escape' && session) {
            cancel();
        }
    });
})();
