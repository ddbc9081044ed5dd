// Every address the page links to or loads, resolved against the document.
() => {
  const found = [];
  const add = (kind, raw, el) => {
    if (raw === null || raw === undefined) return;
    raw = raw.trim();
    if (!raw || /^(javascript|data|blob|about|mailto|tel):/i.test(raw)) return;
    let url;
    try { url = new URL(raw, document.baseURI).href; } catch (e) { url = raw; }
    found.push({kind, raw, url, where: window.__describe(el)});
  };
  const srcset = (value) => (value || '').split(',').map((s) => s.trim().split(/\s+/)[0]);
  document.querySelectorAll('a[href], area[href]').forEach((el) => add('link', el.getAttribute('href'), el));
  document.querySelectorAll('link[href]').forEach((el) =>
    add('link[rel=' + (el.getAttribute('rel') || '') + ']', el.getAttribute('href'), el));
  document.querySelectorAll('img[src], iframe[src], video[src], audio[src], source[src], track[src], embed[src], input[src]')
    .forEach((el) => add(el.tagName.toLowerCase(), el.getAttribute('src'), el));
  document.querySelectorAll('img[srcset], source[srcset]').forEach((el) =>
    srcset(el.getAttribute('srcset')).forEach((s) => add(el.tagName.toLowerCase() + '[srcset]', s, el)));
  document.querySelectorAll('script[src]').forEach((el) => add('script', el.getAttribute('src'), el));
  document.querySelectorAll('object[data]').forEach((el) => add('object', el.getAttribute('data'), el));
  document.querySelectorAll('form[action]').forEach((el) => add('form', el.getAttribute('action'), el));
  const missingTargets = [];
  document.querySelectorAll('a[href^="#"]').forEach((el) => {
    const id = decodeURIComponent(el.getAttribute('href').slice(1));
    if (id && !document.getElementById(id)) missingTargets.push({href: el.getAttribute('href'), where: window.__describe(el)});
  });
  return {found, missingTargets};
}
