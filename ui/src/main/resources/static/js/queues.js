// The live boards (triage, hospital queues). htmx's SSE extension keeps the connection and fetches
// the table again on each change; this script tells the user, in the board's live region, when the
// connection is lost and when it is back, and then fetches the table once more: changes made while
// it was lost are in it. A table that cannot be fetched is said so too; a session that ended (the
// fetch was sent to the sign-in page) takes the whole page there instead of into the table.
// (No inline scripts: the Content-Security-Policy allows none.)
(function () {
    var status = document.getElementById('live-status');
    var table = document.getElementById('board-table');
    if (!status || !table) {
        return;
    }
    var lost = false;
    document.body.addEventListener('htmx:sseError', function () {
        if (!lost) {
            lost = true;
            status.textContent = status.getAttribute('data-lost');
            status.classList.add('lost');
        }
    });
    document.body.addEventListener('htmx:sseOpen', function () {
        status.setAttribute('data-connected', 'true');
        if (!status.textContent) {
            status.textContent = status.getAttribute('data-on');
        }
        if (lost) {
            lost = false;
            status.textContent = status.getAttribute('data-back');
            status.classList.remove('lost');
            htmx.trigger(table, 'queues-refresh');
        }
    });
    document.body.addEventListener('htmx:beforeSwap', function (event) {
        var response = event.detail.xhr && event.detail.xhr.responseURL;
        if (event.detail.target === table && response && new URL(response).pathname.endsWith('/login')) {
            event.detail.shouldSwap = false;
            window.location.assign(response);
        }
    });
    document.body.addEventListener('htmx:responseError', function (event) {
        if (event.detail.target === table) {
            status.textContent = status.getAttribute('data-failed');
        }
    });
    document.body.addEventListener('htmx:afterSwap', function (event) {
        if (event.detail.target === table && status.textContent === status.getAttribute('data-failed')) {
            status.textContent = status.getAttribute('data-on');
        }
    });
})();
