/** The widget's styles, scoped by its shadow root so the host page and the widget never clash. */
export const WIDGET_CSS = `
:host { all: initial; }
* { box-sizing: border-box; font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans Thai", "Noto Sans SC", "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji", sans-serif; }
.launcher { position: fixed; right: 20px; bottom: 20px; z-index: 2147483000; width: 60px; height: 60px; border-radius: 50%;
  border: 0; background: #234e52; color: #fff; font-size: 26px; cursor: pointer; box-shadow: 0 4px 14px rgb(0 0 0 / .25); }
.launcher:focus-visible, button:focus-visible, input:focus-visible, textarea:focus-visible { outline: 3px solid #f0b429; outline-offset: 2px; }
.badge { position: absolute; top: -4px; right: -4px; min-width: 22px; height: 22px; padding: 0 6px; border-radius: 11px;
  background: #d64545; color: #fff; font-size: 13px; line-height: 22px; }
.panel { position: fixed; right: 20px; bottom: 92px; z-index: 2147483000; width: 370px; max-width: calc(100vw - 40px);
  height: 540px; max-height: calc(100vh - 120px); display: flex; flex-direction: column; background: #fff; color: #1f2933;
  border-radius: 12px; box-shadow: 0 8px 30px rgb(0 0 0 / .25); overflow: hidden; font-size: 15px; }
.panel[hidden] { display: none; }
header { display: flex; align-items: center; gap: 8px; padding: 12px 14px; background: #234e52; color: #fff; }
header h2 { flex: 1; margin: 0; font-size: 17px; }
.close { background: transparent; border: 0; color: #fff; font-size: 24px; width: 44px; height: 44px; cursor: pointer; }
.status { padding: 4px 14px; font-size: 13px; background: #fff3c4; color: #513c06; }
.status:empty { display: none; }
.log { flex: 1; padding: 12px; overflow-y: auto; background: #f5f7fa; }
.msgs { margin: 0; padding: 0; list-style: none; }
.log li { display: flex; flex-direction: column; max-width: 85%; margin: 6px 0; }
.log li.visitor { margin-left: auto; align-items: flex-end; }
.bubble { padding: 8px 12px; border-radius: 14px; white-space: pre-wrap; overflow-wrap: anywhere; background: #fff; border: 1px solid #d9e2ec; }
.visitor .bubble { background: #2c7a7b; color: #fff; border-color: #2c7a7b; }
.who { font-size: 12px; color: #52606d; margin: 0 4px 2px; }
.failed .bubble { opacity: .7; }
.err { font-size: 12px; color: #ab091e; }
.retry { border: 0; background: none; color: #0b69a3; text-decoration: underline; cursor: pointer; font-size: 12px; padding: 4px; }
.empty { color: #52606d; text-align: center; margin-top: 24px; }
form { display: flex; flex-direction: column; gap: 6px; padding: 10px; border-top: 1px solid #d9e2ec; }
fieldset { border: 0; margin: 0; padding: 0; display: grid; grid-template-columns: 1fr 1fr; gap: 6px; }
fieldset[hidden] { display: none; }
legend { grid-column: 1 / -1; font-size: 13px; color: #52606d; padding: 0; margin-bottom: 2px; }
label { display: flex; flex-direction: column; font-size: 13px; color: #323f4b; gap: 2px; }
input, textarea { font-size: 16px; padding: 8px; border: 1px solid #9aa5b1; border-radius: 8px; width: 100%; color: #1f2933; background: #fff; }
textarea { resize: none; min-height: 44px; }
.row { display: flex; gap: 6px; align-items: flex-end; }
.row label { flex: 1; }
.send { min-height: 44px; padding: 0 16px; border: 0; border-radius: 8px; background: #234e52; color: #fff; font-size: 15px; cursor: pointer; }
.send:disabled { opacity: .5; cursor: default; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (max-width: 480px) {
  .panel { inset: 0; width: 100vw; max-width: none; height: 100dvh; max-height: none; border-radius: 0; }
  .launcher { right: 14px; bottom: 14px; }
}
`;
