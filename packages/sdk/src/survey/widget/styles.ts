/**
 * The widget's whole stylesheet. Rules:
 * - px only, never rem/em against the page: host pages change the root font size;
 * - `:host { all: initial !important }`: important declarations of the shadow tree win over the page's, even
 *   over `* { all: unset !important }` (CSS Cascade 4, "context"), and inherited fonts and colours stop at the host;
 * - theme through custom properties, which do cross the shadow boundary: set `--cairn-accent` etc. on `:root`.
 */
export const widgetCss = `
:host{all:initial!important;display:block!important;position:static!important;visibility:visible!important;opacity:1!important}
.root{--accent:var(--cairn-accent,#1d4ed8);--on-accent:var(--cairn-on-accent,#fff);--bg:var(--cairn-background,#fff);
--text:var(--cairn-text,#1f2328);--muted:var(--cairn-muted,#57606a);--border:var(--cairn-border,#6e7781);
--radius:var(--cairn-radius,10px);font-family:var(--cairn-font,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif);
font-size:16px;line-height:1.45;color:var(--text);text-align:left;direction:ltr}
*,*::before,*::after{box-sizing:border-box}
.backdrop{position:fixed;inset:0;background:rgba(0,0,0,.45);z-index:2147483646}
.panel{position:fixed;z-index:2147483647;background:var(--bg);color:var(--text);border-radius:var(--radius);
box-shadow:0 8px 32px rgba(0,0,0,.25);padding:20px;max-height:calc(100vh - 32px);overflow:auto;
width:420px;max-width:calc(100vw - 32px)}
.panel.modal{top:50%;left:50%;transform:translate(-50%,-50%);width:520px}
.panel.slide-in{bottom:16px;right:16px;width:380px}
.panel.slide-in.left{right:auto;left:16px}
@media (max-width:480px){.panel.modal,.panel.slide-in{top:auto;bottom:0;left:0;right:0;transform:none;width:100%;max-width:100%;border-radius:var(--radius) var(--radius) 0 0}}
.close{position:absolute;top:8px;right:8px;width:36px;height:36px;border:0;border-radius:50%;background:transparent;
color:var(--muted);font:inherit;font-size:24px;line-height:1;cursor:pointer}
.close:hover{background:rgba(0,0,0,.06)}
h2,legend.title,label.title{display:block;font-size:18px;font-weight:600;margin:0 40px 8px 0;padding:0;color:var(--text)}
p{margin:0 0 12px}
.desc,.progress{color:var(--muted);font-size:14px}
fieldset{border:0;margin:0 0 12px;padding:0;min-width:0}
fieldset fieldset legend{font-size:15px;font-weight:500;margin:8px 0 4px;padding:0}
.scale{display:flex;flex-wrap:wrap;gap:4px}
.point{position:relative;flex:1 1 0;min-width:30px}
.point span{display:flex;align-items:center;justify-content:center;height:40px;border:1px solid var(--border);
border-radius:6px;font-size:15px;background:var(--bg);color:var(--text);cursor:pointer;user-select:none}
.point.symbol span{font-size:22px}
.option{position:relative;display:flex;align-items:center;gap:10px;min-height:40px;padding:8px 12px;margin:0 0 6px;
border:1px solid var(--border);border-radius:6px;cursor:pointer}
input[type=radio],input[type=checkbox]{margin:0;accent-color:var(--accent)}
.point input{position:absolute;inset:0;width:100%;height:100%;opacity:0;cursor:pointer}
.point input:checked+span{background:var(--accent);border-color:var(--accent);color:var(--on-accent)}
.option input{width:20px;height:20px;flex:none}
.ends{display:flex;justify-content:space-between;gap:8px;margin-top:6px;color:var(--muted);font-size:13px}
textarea{display:block;width:100%;min-height:96px;padding:8px 10px;font:inherit;color:var(--text);background:var(--bg);
border:1px solid var(--border);border-radius:6px;resize:vertical}
.error{color:#b42318;font-size:14px;margin:0 0 8px}
.error:empty{display:none}
.actions{display:flex;justify-content:flex-end;gap:8px;margin-top:12px}
.primary{min-height:40px;min-width:96px;padding:8px 18px;border:0;border-radius:6px;background:var(--accent);
color:var(--on-accent);font:inherit;font-weight:600;cursor:pointer}
a.link{color:var(--accent);font-weight:600}
:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.point input:focus-visible+span{outline:3px solid var(--accent);outline-offset:2px}
.panel:focus,.panel :focus:not(:focus-visible){outline:none}
.sr{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
@media (prefers-reduced-motion:no-preference){.panel.slide-in{animation:cairn-in .2s ease-out}}
@keyframes cairn-in{from{transform:translateY(16px);opacity:0}}
`;

/**
 * A constructable stylesheet needs no <style> element, so a strict `style-src` CSP (no 'unsafe-inline') allows
 * it; browsers without `adoptedStyleSheets` get a <style> carrying the SDK script's nonce instead.
 */
export function applyStyles(root: ShadowRoot, nonce: string | undefined): void {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet.prototype.replaceSync === 'function') {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(widgetCss);
    root.adoptedStyleSheets = [sheet];
    return;
  }
  const style = document.createElement('style');
  if (nonce) style.nonce = nonce;
  style.textContent = widgetCss;
  root.append(style);
}
