// A timeline message's actions, on the Desk and in Conversations (shown while the agent may write, that is when
// the composer's reply form is there): "Reply" quotes the message in the next reply (a strip above the composer,
// the form's hidden replyTo), "React" opens the emoji picker and sends the agent's reaction.
(function () {
    'use strict';

    function byId(id) {
        return document.getElementById(id);
    }

    function firstLine(row, actions) {
        var parts = ['.msg-text', '.msg-caption', '.msg-media span', '.msg-contact-card .fw-semibold'];
        for (var i = 0; i < parts.length; i++) {
            var element = row.querySelector(parts[i]);
            var text = element ? element.textContent.trim().split('\n')[0].trim() : '';
            if (text) {
                return text.length > 120 ? text.slice(0, 120) + '…' : text;
            }
        }
        return actions.dataset.quoteType || '';
    }

    function replyTo(row) {
        var field = byId('reply-to');
        var strip = byId('reply-to-strip');
        if (!field || !strip) {
            return;
        }
        var actions = row.querySelector('.msg-actions');
        field.value = row.dataset.messageId;
        byId('reply-to-author').textContent = actions.dataset.quoteAuthor || '';
        byId('reply-to-text').textContent = firstLine(row, actions);
        strip.hidden = false;
        byId('reply-text').focus();
    }

    function cancelReply() {
        var field = byId('reply-to');
        var strip = byId('reply-to-strip');
        if (field) {
            field.value = '';
        }
        if (strip) {
            strip.hidden = true;
        }
    }

    function closePicker() {
        var picker = byId('reaction-picker');
        if (picker) {
            picker.hidden = true;
            delete picker.dataset.messageId;
        }
    }

    function openPicker(button, row) {
        var picker = byId('reaction-picker');
        if (!picker) {
            return;
        }
        var box = button.getBoundingClientRect();
        picker.dataset.messageId = row.dataset.messageId;
        picker.hidden = false;
        var top = box.bottom + 4;
        if (top + picker.offsetHeight > window.innerHeight) {
            top = box.top - picker.offsetHeight - 4;
        }
        picker.style.setProperty('--picker-top', Math.max(4, top) + 'px');
        picker.style.setProperty('--picker-left',
            Math.max(4, Math.min(box.left, window.innerWidth - picker.offsetWidth - 4)) + 'px');
        picker.querySelector('button').focus();
    }

    function react(messageId, emoji) {
        var form = byId('reply-form');
        if (!form) {
            return;
        }
        var headers = { 'Content-Type': 'application/x-www-form-urlencoded', 'HX-Request': 'true' };
        var token = document.querySelector('meta[name="_csrf"]');
        var header = document.querySelector('meta[name="_csrf_header"]');
        if (token && header) {
            headers[header.content] = token.content;
        }
        fetch(form.getAttribute('hx-post') + '/' + messageId + '/reaction', {
            method: 'POST', headers: headers, credentials: 'same-origin',
            body: new URLSearchParams({ emoji: emoji })
        }).then(function (response) {
            return response.text().then(function (html) {
                var feedback = byId('composer-feedback');
                if (response.ok) {
                    var reactions = byId('reactions-' + messageId);
                    if (reactions) {
                        reactions.outerHTML = html;
                    }
                    if (feedback) {
                        feedback.innerHTML = '';
                    }
                } else if (feedback) {
                    feedback.innerHTML = response.status === 409 ? html : '';
                }
            });
        });
    }

    document.addEventListener('click', function (event) {
        var target = event.target.closest ? event.target : event.target.parentElement;
        var reply = target.closest('[data-message-reply]');
        var reactButton = target.closest('[data-message-react]');
        var choice = target.closest('#reaction-picker [data-emoji]');
        if (reply) {
            replyTo(reply.closest('.msg-row'));
        } else if (reactButton) {
            openPicker(reactButton, reactButton.closest('.msg-row'));
            return;
        } else if (choice) {
            react(choice.closest('#reaction-picker').dataset.messageId, choice.dataset.emoji);
        } else if (target.closest('#reply-to-cancel')) {
            cancelReply();
        }
        if (!target.closest('#reaction-picker') || choice) {
            closePicker();
        }
    });
    document.addEventListener('keydown', function (event) {
        if (event.key === 'Escape') {
            closePicker();
        }
    });
    // A reply sent, text or file, takes its quote with it.
    document.body.addEventListener('htmx:afterRequest', function (event) {
        if (event.target.id === 'reply-form' && event.detail.successful) {
            cancelReply();
        }
    });
    document.body.addEventListener('media-sent', cancelReply);
})();
