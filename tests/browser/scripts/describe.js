// Describes an element for a report: tag#id.class, with its parent's when it has neither.
() => { window.__describe = (el) => {
  const one = (e) => {
    let s = e.tagName.toLowerCase();
    if (e.id) s += '#' + e.id;
    const cls = (typeof e.className === 'string' ? e.className : '').trim().split(/\s+/)[0];
    if (cls) s += '.' + cls;
    return s;
  };
  let s = one(el);
  if (!el.id && !(typeof el.className === 'string' && el.className.trim()) && el.parentElement
      && el.parentElement !== document.body) {
    s = one(el.parentElement) + ' > ' + s;
  }
  return s;
}; }
