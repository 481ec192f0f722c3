/**
 * The card's styles, adopted by its closed shadow root (never a web-accessible file). `:host` resets
 * everything the page could pass down by inheritance, so the page's styles do not reach in and ours
 * do not leak out. Light and dark through `light-dark()` (the reader's colour scheme), system colours
 * in forced-colours mode, motion only when it is welcome. Written compactly: it ships in the
 * content script, which has a size budget.
 */
export const CARD_CSS = `:host{all:initial}
.layer{color-scheme:light dark;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;--fg:light-dark(#1a1a1a,#f0f0f0);--muted:light-dark(#4a4a4a,#c8c8c8);--line:light-dark(#d8d8d8,#4a4a4a);--link:light-dark(#005eb8,#8cc4ff);--bg:light-dark(#fff,#1f1f1f);color:var(--fg)}
.card{position:fixed;left:0;top:0;box-sizing:border-box;width:min(380px,calc(100vw - 16px));max-height:min(70vh,520px);overflow:auto;padding:12px 14px 0;background:var(--bg);color:var(--fg);border:1px solid #8a8a8a;border-radius:8px;box-shadow:0 6px 24px #0006;text-align:left;overflow-wrap:anywhere}
.card:focus,a:focus-visible,button:focus-visible{outline:2px solid var(--link);outline-offset:2px}
.head{display:flex;align-items:flex-start;gap:8px}
.name{flex:1;margin:0 0 4px;font-size:16px;line-height:1.3}
p{margin:0 0 6px}
ul{margin:6px 0;padding:0;list-style:none}
.fact{padding:6px 0;border-top:1px solid var(--line)}
.meta,.sources,.term,.hint,.status,.column{font-size:12.5px;color:var(--muted)}
.label,.role,.distance,.column-head{font-weight:600;color:var(--fg)}
a{color:var(--link)}
.notice{padding:6px 8px;border-left:3px solid light-dark(#b35c00,#ffb25c);background:light-dark(#fff4e5,#3a2a12);font-size:12.5px}
.columns{display:grid;grid-template-columns:repeat(auto-fit,minmax(140px,1fr));gap:8px}
.column{padding:6px;border:1px solid var(--line);border-radius:4px}
.foot{position:sticky;bottom:0;padding:8px 0 10px;background:var(--bg);border-top:1px solid var(--line)}
.actions{display:flex;flex-wrap:wrap;gap:6px}
.foot p{margin:6px 0 0}
button{font:inherit;font-size:13px;color:var(--fg);background:light-dark(#f0f0f0,#333);border:1px solid #767676;border-radius:4px;padding:3px 8px;cursor:pointer}
.close{padding:0 7px;font-size:18px;line-height:1.3}
.status:empty{display:none}
.live{position:fixed;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
@media (forced-colors:active){.card{border:2px solid CanvasText;box-shadow:none}a{color:LinkText}button{border-color:ButtonText}.notice{border-left-color:CanvasText}}
@media (prefers-reduced-motion:no-preference){.card[data-placed]{animation:in .12s ease-out}@keyframes in{from{opacity:0;transform:translateY(2px)}}}`;
