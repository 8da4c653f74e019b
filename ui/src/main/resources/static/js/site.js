// What every page needs from script: htmx sends the CSRF token with each request it makes.
// (No inline scripts: the Content-Security-Policy allows scripts from this origin only.)
document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="csrf-token"]');
    var header = document.querySelector('meta[name="csrf-header"]');
    if (token && header) {
        event.detail.headers[header.content] = token.content;
    }
});
