// The active message component (templates/fragments/active-message.html), on any page: switching templates,
// the live preview of the exact text, the header's file as picked, refusals shown in place, and the Desk's
// "Active message" panel.
// The preview is built from text nodes only: what the agent types is never read as HTML.
(function () {
    'use strict';

    var VARIABLE = /\{\{(\d+)\}\}/g;

    function currentFieldset(form) {
        return form.querySelector('fieldset.am-variables:not([disabled])');
    }

    // The selected template's body with each {{n}} replaced by what is typed in its field (or left as {{n}},
    // marked, while empty), exactly as the server's TemplateView.render will write it.
    function renderPreview(form) {
        var preview = form.querySelector('.am-preview');
        var fieldset = currentFieldset(form);
        if (!preview || !fieldset) {
            return;
        }
        var values = {};
        fieldset.querySelectorAll('.am-value').forEach(function (input) {
            values[input.dataset.variable] = input.value.trim();
        });
        var focused = document.activeElement && document.activeElement.classList.contains('am-value')
            && fieldset.contains(document.activeElement) ? document.activeElement.dataset.variable : null;
        fill(preview, fieldset.dataset.body || '', values, focused);
        var header = form.querySelector('.am-preview-head[data-template-id="' + fieldset.dataset.templateId
            + '"] .am-preview-header');
        var headerInput = fieldset.querySelector('.am-header-value');
        if (header && headerInput) {
            fill(header, header.dataset.header || '', {'1': headerInput.value.trim()}, null);
        }
    }

    // The text with each {{n}} replaced by values[n] in a <mark>, or left as {{n}}, marked, while empty.
    function fill(preview, body, values, focused) {
        preview.textContent = '';
        var start = 0;
        var match;
        VARIABLE.lastIndex = 0;
        while ((match = VARIABLE.exec(body)) !== null) {
            if (match.index > start) {
                preview.appendChild(document.createTextNode(body.slice(start, match.index)));
            }
            var value = values[match[1]];
            var mark = document.createElement('mark');
            mark.className = 'am-var';
            mark.dataset.variable = match[1];
            if (value) {
                mark.textContent = value;
            } else {
                mark.textContent = match[0];
                mark.classList.add('am-var-empty');
            }
            if (focused === match[1]) {
                mark.classList.add('am-var-focus');
            }
            preview.appendChild(mark);
            start = match.index + match[0].length;
        }
        if (start < body.length) {
            preview.appendChild(document.createTextNode(body.slice(start)));
        }
    }

    // Only the chosen template's fields are enabled, so only they are validated and sent.
    function chooseTemplate(form, templateId) {
        form.querySelectorAll('fieldset.am-variables').forEach(function (fieldset) {
            var chosen = fieldset.dataset.templateId === String(templateId);
            fieldset.disabled = !chosen;
            fieldset.hidden = !chosen;
        });
        form.querySelectorAll('.am-preview-box [data-template-id]').forEach(function (part) {
            part.hidden = part.dataset.templateId !== String(templateId);
        });
        clearFeedback(form);
        renderPreview(form);
    }

    function clearFeedback(form) {
        var feedback = form.querySelector('.am-feedback');
        if (feedback) {
            feedback.textContent = '';
        }
    }

    function setUp(root) {
        var forms = root.matches && root.matches('form.active-message') ? [root]
            : Array.prototype.slice.call(root.querySelectorAll ? root.querySelectorAll('form.active-message') : []);
        forms.forEach(function (form) {
            var closeButton = form.querySelector('.am-close');
            if (closeButton) {
                closeButton.hidden = !form.closest('[data-active-message-closable]');
            }
            renderPreview(form);
        });
    }

    document.addEventListener('change', function (event) {
        if (event.target.matches('form.active-message .am-template')) {
            chooseTemplate(event.target.form, event.target.value);
        }
    });

    function readableSize(bytes) {
        if (bytes >= 1024 * 1024) {
            var megabytes = bytes / (1024 * 1024);
            return (megabytes === Math.floor(megabytes) ? megabytes.toFixed(0) : megabytes.toFixed(1)) + ' MB';
        }
        return Math.max(1, Math.round(bytes / 1024)) + ' KB';
    }

    // The preview's header shows the picked image in place of the image icon (and the icon again without one).
    function showInPreview(input, source) {
        var fieldset = input.closest('fieldset.am-variables');
        var media = input.form.querySelector('.am-preview-head[data-template-id="' + fieldset.dataset.templateId
            + '"] .am-preview-media');
        if (!media) {
            return;
        }
        var picture = media.querySelector('img');
        if (picture) {
            picture.remove();
        }
        Array.prototype.forEach.call(media.children, function (child) { child.hidden = !!source; });
        if (source) {
            picture = document.createElement('img');
            picture.alt = '';
            picture.src = source;
            media.appendChild(picture);
        }
    }

    // The header's file as picked: its name and size, and a thumbnail of an image. WhatsApp's limits are checked
    // by the server when sending; what it refuses shows in the component's message line.
    function showChosenFile(input) {
        var chosen = input.closest('.am-header-file-field').querySelector('.am-file-chosen');
        var thumb = chosen.querySelector('.am-file-thumb');
        var file = input.files && input.files[0];
        chosen.hidden = !file;
        thumb.hidden = true;
        thumb.removeAttribute('src');
        showInPreview(input, null);
        clearFeedback(input.form);
        if (!file) {
            return;
        }
        chosen.querySelector('.am-file-name').textContent = file.name;
        chosen.querySelector('.am-file-size').textContent = readableSize(file.size);
        if (input.dataset.format === 'IMAGE' && /^image\/(jpeg|png)$/.test(file.type)) {
            // A data: URL, which the Content-Security-Policy's img-src allows (a blob: URL it does not).
            var reader = new FileReader();
            reader.addEventListener('load', function () {
                if (input.files[0] === file) {
                    thumb.src = reader.result;
                    thumb.hidden = false;
                    showInPreview(input, reader.result);
                }
            });
            reader.readAsDataURL(file);
        }
    }

    document.addEventListener('change', function (event) {
        if (event.target.matches('form.active-message .am-header-file')) {
            showChosenFile(event.target);
        }
    });

    document.addEventListener('input', function (event) {
        if (event.target.matches('form.active-message .am-value, form.active-message .am-header-value')) {
            event.target.classList.remove('is-invalid');
            renderPreview(event.target.form);
        }
    });

    document.addEventListener('focusin', function (event) {
        if (event.target.matches && event.target.matches('form.active-message .am-value')) {
            renderPreview(event.target.form);
        }
    });
    document.addEventListener('focusout', function (event) {
        if (event.target.matches && event.target.matches('form.active-message .am-value')) {
            var form = event.target.form;
            setTimeout(function () { renderPreview(form); }, 0);
        }
    });

    // Enter in a field moves to the next one (then to the send button) instead of sending at once: an active
    // message is sent by an explicit click or Enter on the button.
    document.addEventListener('keydown', function (event) {
        if (event.key !== 'Enter' || event.isComposing
                || !(event.target.matches && event.target.matches('form.active-message .am-value'))) {
            return;
        }
        event.preventDefault();
        var form = event.target.form;
        var fields = Array.prototype.slice.call(currentFieldset(form).querySelectorAll('.am-value'));
        var next = fields[fields.indexOf(event.target) + 1] || form.querySelector('.am-send');
        next.focus();
    });

    // A field the browser finds invalid is marked, and the preview shows which variable is missing.
    document.addEventListener('invalid', function (event) {
        if (event.target.matches && event.target.matches('form.active-message .am-value')) {
            event.target.classList.add('is-invalid');
        }
    }, true);

    function showError(container, text) {
        container.textContent = '';
        var alert = document.createElement('div');
        alert.className = 'alert alert-danger small py-2 px-3 mb-0 am-refusal';
        alert.setAttribute('role', 'alert');
        alert.textContent = text;
        container.appendChild(alert);
    }

    function genericError(elt) {
        return (elt.dataset && elt.dataset.errorText) || '';
    }

    // A refusal (4xx) replaces only the component's message line, keeping what the agent typed; a slot that
    // could not load shows the reason in its place. Listening on the document (after the body's listeners)
    // so that no page-wide handler moves it elsewhere.
    document.addEventListener('htmx:beforeSwap', function (event) {
        var elt = event.detail.elt;
        if (!elt || !elt.closest) {
            return;
        }
        var status = event.detail.xhr.status;
        var form = elt.closest('form.active-message');
        var owner = form || (elt.classList.contains('active-message-slot') ? elt : null);
        if (owner && status >= 400) {
            var feedback = form ? form.querySelector('.am-feedback') : elt;
            event.detail.target = feedback;
            event.detail.swapOverride = 'innerHTML';
            event.detail.shouldSwap = status < 500;
            event.detail.isError = status >= 500;
            if (status >= 500) {
                showError(feedback, genericError(owner));
            }
        }
    });

    document.addEventListener('htmx:sendError', function (event) {
        var elt = event.detail.elt;
        var form = elt && elt.closest && elt.closest('form.active-message');
        if (form) {
            showError(form.querySelector('.am-feedback'), genericError(form));
        } else if (elt && elt.classList && elt.classList.contains('active-message-slot')) {
            showError(elt, genericError(elt));
        }
    });

    // The Desk's "Active message" button opens a panel above the composer and loads the component once.
    function panelOf(button) {
        return document.getElementById(button.getAttribute('aria-controls'));
    }

    function openPanel(button, open) {
        var panel = panelOf(button);
        if (!panel) {
            return;
        }
        panel.hidden = !open;
        button.setAttribute('aria-expanded', open ? 'true' : 'false');
        button.classList.toggle('active', open);
        if (open) {
            var slot = panel.querySelector('.active-message-slot');
            var form = panel.querySelector('form.active-message');
            if (form) {
                focusFirst(form);
            } else if (slot) {
                htmx.trigger(slot, 'active-message-load');
            }
        } else {
            var loaded = panel.querySelector('form.active-message');
            if (loaded) {
                clearFeedback(loaded);
            }
        }
    }

    function focusFirst(form) {
        var fieldset = currentFieldset(form);
        var empty = fieldset && Array.prototype.slice.call(fieldset.querySelectorAll('.am-value'))
            .filter(function (input) { return !input.value; })[0];
        (empty || form.querySelector('.am-template') || form.querySelector('.am-send') || form).focus();
    }

    document.addEventListener('click', function (event) {
        var toggle = event.target.closest && event.target.closest('[data-active-message-toggle]');
        if (toggle) {
            var panel = panelOf(toggle);
            openPanel(toggle, panel && panel.hidden);
            return;
        }
        var closeButton = event.target.closest && event.target.closest('form.active-message .am-close');
        if (closeButton) {
            var container = closeButton.closest('[data-active-message-closable]');
            var opener = container && document.querySelector('[aria-controls="' + container.id + '"]');
            if (opener) {
                openPanel(opener, false);
                opener.focus();
            }
        }
    });

    document.addEventListener('keydown', function (event) {
        if (event.key !== 'Escape') {
            return;
        }
        var container = event.target.closest && event.target.closest('[data-active-message-closable]');
        var opener = container && document.querySelector('[aria-controls="' + container.id + '"]');
        if (opener && !container.hidden) {
            openPanel(opener, false);
            opener.focus();
        }
    });

    // Sent from the Desk's panel: close it, the message shows in the timeline. Sent elsewhere: the component
    // stays, with its confirmation.
    document.addEventListener('active-message-sent', function (event) {
        var container = event.target.closest && event.target.closest('[data-active-message-closable]');
        var opener = container && document.querySelector('[aria-controls="' + container.id + '"]');
        if (opener) {
            setTimeout(function () {
                openPanel(opener, false);
                var reply = document.getElementById('reply-text');
                if (reply) {
                    reply.focus();
                }
            }, 1200);
        }
    });

    document.addEventListener('htmx:afterSwap', function (event) {
        var target = event.detail.target;
        if (target && target.classList && target.classList.contains('active-message-slot')
                && target.closest('[data-active-message-closable]') && !target.closest('[hidden]')) {
            var form = target.querySelector('form.active-message');
            if (form) {
                focusFirst(form);
            }
        }
    });

    document.addEventListener('htmx:load', function (event) {
        setUp(event.detail.elt);
    });
    setUp(document);
})();
