// What calls the agent: the tab title counts the tickets waiting for their reply ("(3) Desk · Balcão"); a
// ticket new in their list (assigned or transferred to them) or a new customer message on one of theirs plays
// a short beep and, while the tab is hidden, shows a browser notification. All of it is read from the list
// itself after each live refresh, so it counts exactly what the agent sees. Each is switched off in the user
// menu (desk-preferences.js).
(function () {
    'use strict';
    var desk = document.getElementById('desk');
    var preferences = window.DeskPreferences;
    if (!desk || !preferences) {
        return;
    }
    var MAX_NOTIFICATIONS = 3;
    var baseTitle = document.title;
    var seen = null; // ticket id -> its last activity (last message time, unread count), as the list showed it last

    function listedTickets() {
        return Array.prototype.slice.call(document.querySelectorAll('#desk-list .desk-ticket[data-ticket-id]'));
    }

    function showCount() {
        var waiting = document.querySelectorAll('#desk-list .desk-ticket[data-awaiting-reply="true"]').length;
        document.title = preferences.get('titleCount') && waiting > 0 ? '(' + waiting + ') ' + baseTitle : baseTitle;
    }

    // Tickets that joined the list, and tickets whose customer wrote again, since the last look.
    function changesSinceLastLook() {
        var now = {};
        var changes = [];
        listedTickets().forEach(function (ticket) {
            var id = ticket.dataset.ticketId;
            now[id] = ticket.dataset.activity;
            if (seen === null) {
                return;
            }
            if (!(id in seen)) {
                changes.push({ ticket: ticket, text: desk.dataset.alertNewTicket });
            } else if (seen[id] !== ticket.dataset.activity && ticket.dataset.awaitingReply === 'true') {
                changes.push({ ticket: ticket, text: desk.dataset.alertNewMessage });
            }
        });
        seen = now;
        return changes;
    }

    // Browsers start sound only after the user touched the page: the audio context is made on the first gesture.
    var audio = null;
    function unlockAudio() {
        var Context = window.AudioContext || window.webkitAudioContext;
        if (!audio && Context) {
            audio = new Context();
        }
        if (audio && audio.state === 'suspended') {
            audio.resume();
        }
    }
    document.addEventListener('pointerdown', unlockAudio);
    document.addEventListener('keydown', unlockAudio);

    function beep() {
        if (!audio) {
            return;
        }
        var start = audio.currentTime;
        var tone = audio.createOscillator();
        var volume = audio.createGain();
        tone.type = 'sine';
        tone.frequency.setValueAtTime(880, start);
        tone.frequency.setValueAtTime(1320, start + 0.09);
        volume.gain.setValueAtTime(0.0001, start);
        volume.gain.exponentialRampToValueAtTime(0.2, start + 0.02);
        volume.gain.exponentialRampToValueAtTime(0.0001, start + 0.25);
        tone.connect(volume);
        volume.connect(audio.destination);
        tone.start(start);
        tone.stop(start + 0.26);
    }

    function notify(change) {
        var ticket = change.ticket;
        var name = ticket.querySelector('.contact-name').textContent.trim();
        var notification = new Notification(change.text.replace('{0}', name), {
            body: ticket.querySelector('.last-text').textContent.trim(),
            tag: 'balcao-ticket-' + ticket.dataset.ticketId,
            icon: desk.dataset.alertIcon
        });
        notification.onclick = function () {
            window.focus();
            window.location.href = ticket.href;
            notification.close();
        };
    }

    function alertAbout(changes) {
        if (!changes.length) {
            return;
        }
        if (preferences.get('sound')) {
            beep();
        }
        if (document.hidden && preferences.get('notifications') && preferences.notificationsAllowed()) {
            changes.slice(0, MAX_NOTIFICATIONS).forEach(notify);
        }
    }

    document.body.addEventListener('htmx:afterSwap', function (event) {
        if (event.detail.target.id === 'desk-list') {
            alertAbout(changesSinceLastLook());
            showCount();
        }
    });
    preferences.onChange(showCount);
    changesSinceLastLook();
    showCount();
})();
