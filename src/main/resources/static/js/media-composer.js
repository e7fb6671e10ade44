// Files in the composer (Desk and Conversations): the paperclip, a file dropped on the composer or the timeline,
// or a pasted screenshot becomes the attachment, previewed with a caption field, then sent as multipart to
// /desk/tickets/{id}/media with the upload's progress. Other scripts hand a file over with
//   document.dispatchEvent(new CustomEvent('composer:attach', {detail: {file: file, voice: true}}))
// And in the timeline, a picture the browser cannot load shows its file link instead.
(function () {
    'use strict';
    var MAX_BYTES = 100 * 1024 * 1024;
    var pending = null;

    function box() {
        return document.getElementById('media-attachment');
    }

    function readable(bytes) {
        if (bytes >= 1024 * 1024) {
            var megabytes = bytes / (1024 * 1024);
            return (megabytes % 1 === 0 ? megabytes.toFixed(0) : megabytes.toFixed(1)) + ' MB';
        }
        return Math.max(1, Math.round(bytes / 1024)) + ' KB';
    }

    function feedback(text) {
        var place = document.getElementById('composer-feedback');
        if (!place) {
            return;
        }
        place.textContent = '';
        if (text) {
            var alert = document.createElement('div');
            alert.className = 'alert alert-danger small py-2 mb-2 composer-refusal';
            alert.setAttribute('role', 'alert');
            alert.textContent = text;
            place.appendChild(alert);
        }
    }

    function iconFor(type) {
        if (type.indexOf('audio/') === 0) {
            return 'bi-mic';
        }
        if (type.indexOf('video/') === 0) {
            return 'bi-camera-video';
        }
        return type === 'application/pdf' ? 'bi-file-earmark-pdf' : 'bi-file-earmark';
    }

    function attach(file, voice) {
        var attachment = box();
        if (!attachment || !file) {
            return;
        }
        if (file.size > MAX_BYTES) {
            feedback(attachment.dataset.tooLarge);
            return;
        }
        clear();
        feedback('');
        pending = {file: file, voice: !!voice};
        var image = document.getElementById('media-preview-image');
        var icon = document.getElementById('media-preview-icon');
        var isImage = file.type === 'image/jpeg' || file.type === 'image/png';
        if (isImage) {
            // A data: URL, which the Content-Security-Policy's img-src allows (a blob: URL it does not).
            var reader = new FileReader();
            reader.addEventListener('load', function () {
                if (pending && pending.file === file) {
                    image.src = reader.result;
                }
            });
            reader.readAsDataURL(file);
        }
        image.hidden = !isImage;
        icon.hidden = isImage;
        icon.className = 'bi media-preview-icon ' + iconFor(file.type || '');
        document.getElementById('media-preview-name').textContent = file.name || 'arquivo';
        document.getElementById('media-preview-size').textContent = readable(file.size);
        var caption = document.getElementById('media-caption');
        caption.hidden = (file.type || '').indexOf('audio/') === 0;
        attachment.hidden = false;
        (caption.hidden ? document.getElementById('media-send') : caption).focus();
    }

    function clear() {
        var image = document.getElementById('media-preview-image');
        if (image) {
            image.removeAttribute('src');
        }
        pending = null;
        var attachment = box();
        if (attachment) {
            attachment.hidden = true;
            document.getElementById('media-caption').value = '';
            document.getElementById('media-file').value = '';
            document.getElementById('media-progress').hidden = true;
            document.getElementById('media-send').disabled = false;
        }
    }

    function send() {
        var attachment = box();
        if (!pending || !attachment) {
            return;
        }
        var data = new FormData();
        data.append('file', pending.file, pending.file.name || 'arquivo');
        var caption = document.getElementById('media-caption');
        if (!caption.hidden && caption.value.trim()) {
            data.append('caption', caption.value);
        }
        data.append('voice', pending.voice ? 'true' : 'false');
        var replyTo = document.getElementById('reply-to');
        if (replyTo && replyTo.value) {
            data.append('replyTo', replyTo.value);
        }
        var request = new XMLHttpRequest();
        request.open('POST', attachment.dataset.url);
        var token = document.querySelector('meta[name="_csrf"]');
        var header = document.querySelector('meta[name="_csrf_header"]');
        if (token && header) {
            request.setRequestHeader(header.content, token.content);
        }
        var progress = document.getElementById('media-progress');
        var bar = document.getElementById('media-progress-bar');
        progress.hidden = false;
        bar.style.width = '0%';
        document.getElementById('media-send').disabled = true;
        request.upload.addEventListener('progress', function (event) {
            if (event.lengthComputable) {
                bar.style.width = Math.round(100 * event.loaded / event.total) + '%';
            }
        });
        request.addEventListener('load', function () {
            if (request.status >= 200 && request.status < 300) {
                clear();
                feedback('');
                document.body.dispatchEvent(new CustomEvent('desk-refresh-timeline', {bubbles: true}));
                document.body.dispatchEvent(new CustomEvent('media-sent', {bubbles: true}));
            } else {
                progress.hidden = true;
                document.getElementById('media-send').disabled = false;
                var place = document.getElementById('composer-feedback');
                if (place && (request.status === 409 || request.status === 422) && request.responseText) {
                    place.innerHTML = request.responseText;
                } else {
                    feedback(attachment.dataset.failed);
                }
            }
        });
        request.addEventListener('error', function () {
            progress.hidden = true;
            document.getElementById('media-send').disabled = false;
            feedback(attachment.dataset.failed);
        });
        request.send(data);
    }

    document.addEventListener('click', function (event) {
        var target = event.target.closest ? event.target : null;
        if (!target) {
            return;
        }
        if (target.closest('#media-attach')) {
            document.getElementById('media-file').click();
        } else if (target.closest('#media-remove')) {
            clear();
        } else if (target.closest('#media-send')) {
            send();
        }
    });
    document.addEventListener('change', function (event) {
        if (event.target.id === 'media-file' && event.target.files.length) {
            attach(event.target.files[0], false);
        }
    });
    document.addEventListener('keydown', function (event) {
        if (event.target.id === 'media-caption' && event.key === 'Enter') {
            event.preventDefault();
            send();
        }
    });
    // A voice note was listened to in the recorder's own preview already: it goes at once.
    document.addEventListener('composer:attach', function (event) {
        if (event.detail && event.detail.file) {
            attach(event.detail.file, event.detail.voice);
            if (event.detail.voice && pending) {
                send();
            }
        }
    });

    function dropZone(target) {
        return box() && target.closest && (target.closest('#composer') || target.closest('#timeline'));
    }

    document.addEventListener('dragover', function (event) {
        if (dropZone(event.target) && event.dataTransfer && Array.prototype.indexOf.call(event.dataTransfer.types, 'Files') >= 0) {
            event.preventDefault();
            event.dataTransfer.dropEffect = 'copy';
        }
    });
    document.addEventListener('drop', function (event) {
        if (dropZone(event.target) && event.dataTransfer && event.dataTransfer.files.length) {
            event.preventDefault();
            attach(event.dataTransfer.files[0], false);
        }
    });
    document.addEventListener('paste', function (event) {
        var files = event.clipboardData && event.clipboardData.files;
        if (files && files.length && box() && (event.target === document.body || event.target.closest('#composer'))) {
            event.preventDefault();
            attach(files[0], false);
        }
    });
    // A picture the browser cannot load (WhatsApp no longer has it): its link with the file's name instead.
    document.addEventListener('error', function (event) {
        var image = event.target;
        if (image.classList && image.classList.contains('msg-thumb')) {
            var link = image.closest('.msg').querySelector('a.msg-media');
            image.closest('a').hidden = true;
            if (link) {
                link.hidden = false;
            }
        }
    }, true);
    // The composer is fetched again when the ticket changes or the customer writes: the attachment stays.
    document.body.addEventListener('htmx:afterSwap', function (event) {
        if (event.detail.target && event.detail.target.id === 'composer' && pending) {
            var file = pending;
            pending = null;
            attach(file.file, file.voice);
        }
    });
})();
