/**
 * Runs `work` once the page has loaded and the browser is idle, so what the page does not need to
 * draw (registering the service worker, which then downloads the app's files; the outbox's code)
 * does not compete with it. Returns a function that cancels it if it has not run yet.
 */
export function afterLoad(work: () => void): () => void {
  let cancelled = false;
  let idle: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    if (cancelled) return;
    if ('requestIdleCallback' in window) idle = window.requestIdleCallback(() => cancelled || work(), { timeout: 3_000 });
    else timer = setTimeout(() => cancelled || work(), 200);
  };
  if (document.readyState === 'complete') run();
  else window.addEventListener('load', run, { once: true });
  return () => {
    cancelled = true;
    window.removeEventListener('load', run);
    if (idle !== undefined) window.cancelIdleCallback(idle);
    clearTimeout(timer);
  };
}
