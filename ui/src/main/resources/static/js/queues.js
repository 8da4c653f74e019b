// The live boards (triage, hospital queues). htmx's SSE extension keeps the connection and fetches
// the table again on each change; this script tells the user, in the board's live region, when the
// connection is lost and when it is back, and then fetches the table once more: changes made while
// it was lost are in it. (No inline scripts: the Content-Security-Policy allows none.)
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
})();
