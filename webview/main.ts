/**
 * The one webview bundle: the page the extension wrote says which it is (`data-page`), and only
 * that page's code runs.
 */
if (document.body.dataset.page === 'dashboard') void import('./dashboardPage');
else void import('./ticketPage');
