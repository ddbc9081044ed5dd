() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const style = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  const nav = el.closest('nav.site-nav');
  if (!el.__tabStop) el.__tabStop = (window.__tabStops = (window.__tabStops || 0) + 1);
  return {
    stop: el.__tabStop,
    where: window.__describe(el),
    tag: el.tagName.toLowerCase(),
    id: el.id,
    href: el.getAttribute('href'),
    text: (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 60),
    skipLink: el.matches('a.skip-link'),
    switcher: el.matches('a.language-switcher'),
    navIndex: nav ? [...nav.querySelectorAll('a[href]')].indexOf(el) : -1,
    outline: style.outlineStyle + ' ' + style.outlineWidth,
    outlineVisible: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
    boxShadow: style.boxShadow,
    inViewport: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 &&
      r.top < innerHeight && r.left < innerWidth,
  };
}
