// The customer simulator: keeps the phone-style thread live and scrolled to the newest message; replying to a
// business message, attaching a file, and the single tick of a message on its way.
(function () {
    'use strict';
    var chat = document.getElementById('simulator');
    if (!chat) {
        return;
    }
    var thread = document.getElementById('sim-thread');
    var composer = document.getElementById('sim-composer');
    var fileForm = document.getElementById('sim-file');
    var fileInput = document.getElementById('sim-file-input');
    var replying = document.getElementById('sim-replying');
    var scrollToEnd = function () { thread.scrollTop = thread.scrollHeight; };
    scrollToEnd();

    var replyTo = function (id, quote) {
        document.querySelectorAll('.sim-reply-to').forEach(function (input) { input.value = id || ''; });
        document.getElementById('sim-replying-text').textContent = quote || '';
        replying.classList.toggle('d-none', !id);
    };
    var closeFile = function () {
        fileForm.reset();
        fileForm.classList.add('d-none');
    };

    thread.addEventListener('click', function (event) {
        var reply = event.target.closest('[data-reply]');
        if (reply) {
            replyTo(reply.dataset.reply, reply.dataset.quote);
            document.getElementById('sim-text').focus();
        }
    });
    document.getElementById('sim-replying-cancel').addEventListener('click', function () { replyTo(null); });

    fileInput.addEventListener('change', function () {
        if (fileInput.files.length === 0) {
            closeFile();
            return;
        }
        document.getElementById('sim-file-name').textContent = fileInput.files[0].name;
        fileForm.classList.remove('d-none');
        document.getElementById('sim-caption').focus();
    });
    document.getElementById('sim-file-cancel').addEventListener('click', closeFile);

    // While the message is on its way it shows with one grey tick, as on the phone.
    composer.addEventListener('htmx:beforeRequest', function () {
        var text = document.getElementById('sim-text').value.trim();
        var list = thread.querySelector('.vstack');
        if (!text || !list) {
            return;
        }
        var row = document.createElement('div');
        row.className = 'bubble-row mine sending';
        var bubble = document.createElement('div');
        bubble.className = 'bubble';
        var body = document.createElement('div');
        body.className = 'bubble-text';
        body.textContent = text;
        var time = document.createElement('div');
        time.className = 'bubble-time';
        time.innerHTML = '<span class="ticks"><i class="bi bi-check2"></i></span>';
        bubble.append(body, time);
        row.append(bubble);
        list.append(row);
        scrollToEnd();
    });

    document.body.addEventListener('htmx:afterSwap', function (event) {
        if (event.detail.target === thread) {
            scrollToEnd();
        }
    });
    // A refused message (422) shows the thread with the reason on top, and what was typed stays in the box.
    document.body.addEventListener('htmx:beforeSwap', function (event) {
        var source = event.detail.requestConfig && event.detail.requestConfig.elt;
        var form = source && source.closest && source.closest('form');
        if (form && form.closest('#simulator') && event.detail.xhr.status === 422) {
            event.detail.shouldSwap = true;
        }
    });
    [composer, fileForm].forEach(function (form) {
        form.addEventListener('htmx:afterRequest', function (event) {
            if (event.detail.successful) {
                if (form === fileForm) {
                    closeFile();
                } else {
                    form.reset();
                    document.getElementById('sim-text').focus();
                }
                replyTo(null);
            }
        });
    });

    // A voice note recorded here (the microphone button starts, the same button stops and sends), handed to the
    // file form as a voice note: the server keeps Chromium's WebM as the Ogg Opus a phone records.
    var mic = document.getElementById('sim-mic');
    var recordingType = window.MediaRecorder && ['audio/ogg;codecs=opus', 'audio/webm;codecs=opus']
        .filter(function (type) { return MediaRecorder.isTypeSupported(type); })[0];
    var recorder = null;
    var setMic = function (recording) {
        mic.classList.toggle('btn-danger', recording);
        mic.classList.toggle('btn-light', !recording);
        mic.querySelector('i').className = recording ? 'bi bi-stop-fill' : 'bi bi-mic';
        mic.title = recording ? mic.dataset.stop : mic.dataset.record;
    };
    if (recordingType && navigator.mediaDevices) {
        mic.classList.remove('d-none');
        mic.addEventListener('click', function () {
            if (recorder) {
                recorder.stop();
                return;
            }
            navigator.mediaDevices.getUserMedia({audio: true}).then(function (stream) {
                var chunks = [];
                recorder = new MediaRecorder(stream, {mimeType: recordingType});
                recorder.addEventListener('dataavailable', function (event) { chunks.push(event.data); });
                recorder.addEventListener('stop', function () {
                    stream.getTracks().forEach(function (track) { track.stop(); });
                    recorder = null;
                    setMic(false);
                    var type = recordingType.split(';')[0];
                    var files = new DataTransfer();
                    files.items.add(new File(chunks, 'voice.' + type.split('/')[1], {type: type}));
                    fileInput.files = files.files;
                    document.getElementById('sim-voice').value = 'true';
                    htmx.trigger(fileForm, 'submit');
                });
                recorder.start();
                setMic(true);
            }).catch(function () { mic.classList.add('d-none'); });
        });
    }
    fileForm.addEventListener('htmx:afterRequest', function () {
        document.getElementById('sim-voice').value = 'false';
    });

    var source = new EventSource(chat.dataset.events);
    source.addEventListener('changed', function () {
        htmx.trigger(document.body, 'sim-refresh');
    });
})();
