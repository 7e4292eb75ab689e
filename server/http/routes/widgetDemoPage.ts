/**
 * A small customer-facing page that embeds the widget exactly as a customer's website would
 * (one script tag), so the web-chat channel can be tried and tested end to end.
 */
export function widgetDemoPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Acme Outdoor — help</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; color: #1f2933; background: #f5f7fa; }
  header { background: #234e52; color: #fff; padding: 1rem 1.5rem; }
  main { max-width: 40rem; margin: 2rem auto; padding: 0 1.5rem; }
  .card { background: #fff; border-radius: 8px; padding: 1.25rem 1.5rem; box-shadow: 0 1px 3px rgb(0 0 0 / 0.1); }
  pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f0f4f8; padding: .5rem; border-radius: 4px; }
</style>
</head>
<body>
<header><strong>Acme Outdoor</strong></header>
<main>
  <h1>Need help with your order?</h1>
  <div class="card">
    <p>This is a demo shop page. The chat button in the corner is Braid's web-chat widget,
    embedded with one line:</p>
    <pre><code>&lt;script src="/widget.js" async&gt;&lt;/script&gt;</code></pre>
    <p>Write in any language — your messages reach the support team's inbox live.</p>
  </div>
</main>
<script src="/widget.js" async></script>
</body>
</html>`;
}
