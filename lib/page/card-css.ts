/**
 * The card's styles, adopted by its closed shadow root (never a web-accessible file). `:host` resets
 * everything the page could pass down by inheritance, so the page's styles do not reach in and ours
 * do not leak out. Light and dark through `light-dark()` (the reader's colour scheme), system colours
 * in forced-colours mode, motion only when it is welcome. Written compactly: it ships in the
 * content script, which has a size budget.
 */
export const CARD_CSS = `:host{all:initial}
.layer{color-scheme:light dark;font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;--fg:light-dark(#1a1a1a,#f0f0f0);--muted:light-dark(#4a4a4a,#c8c8c8);--line:light-dark(#d8d8d8,#4a4a4a);--link:light-dark(#005eb8,#8cc4ff);--bg:light-dark(#fff,#1f1f1f);color:var(--fg)}
.layer[data-scheme=light]{color-scheme:light}.layer[data-scheme=dark]{color-scheme:dark}
.card{position:fixed;left:0;top:0;box-sizing:border-box;width:min(380px,calc(100vw - 16px));max-height:min(500px,calc(100vh - 16px));overflow:auto;padding:0 14px;background:var(--bg);color:var(--fg);border:1px solid #8a8a8a;border-radius:8px;box-shadow:0 6px 24px #0006;text-align:left;overflow-wrap:anywhere}
.card:focus,a:focus-visible,button:focus-visible,summary:focus-visible{outline:2px solid var(--link);outline-offset:2px}
.head{position:sticky;top:0;z-index:1;display:flex;align-items:flex-start;gap:8px;padding:10px 0 6px;background:var(--bg);border-bottom:1px solid var(--line)}
.title{flex:1}
.name{margin:0;font-size:16px;line-height:1.3}
.role{margin:2px 0 0;font-size:13px;font-weight:600}
.when{font-weight:400;color:var(--muted)}
p{margin:0 0 6px}
.description{margin-top:6px;font-size:13px;color:var(--muted);display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden}
ul{margin:0;padding:0;list-style:none}
.fact{padding:6px 0;border-top:1px solid var(--line)}
.fact:first-child{border-top:0}
.statement{margin:0 0 2px}
.meta,.term,.hint,.status,.column,.role-now{font-size:13px;color:var(--muted)}
.meta{margin:0}
.label,.distance,.column-head{font-weight:600;color:var(--fg)}
.meta .label{font-weight:400;color:var(--muted)}
.weak{font-weight:600;color:light-dark(#8a3b00,#ffc08a)}
a{color:var(--link)}
summary{cursor:pointer;padding:6px 0;font-size:13px;font-weight:600;color:var(--link);border-top:1px solid var(--line)}
.notice{padding:6px 8px;border-left:3px solid light-dark(#b35c00,#ffb25c);background:light-dark(#fff4e5,#3a2a12);font-size:13px}
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
