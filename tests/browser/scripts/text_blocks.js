// Text by block, each piece with the language it is marked in; what screen readers read
// (aria-label, alt, the title) counts too. Code and hidden content are left out.
() => {
  const BLOCK = 'p,li,h1,h2,h3,h4,h5,h6,td,th,dt,dd,caption,figcaption,blockquote,summary,' +
    'legend,label,button,option,address,div,section,article,aside,header,footer,main,nav,body';
  const NOT_TEXT = 'script,style,noscript,template,code,pre,kbd,samp,var,svg,[aria-hidden="true"]';
  const langOf = (el) => {
    const marked = el.closest('[lang]');
    return marked ? marked.getAttribute('lang').toLowerCase() : '';
  };
  const blocks = [];
  const byElement = new Map();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    const parent = node.parentElement;
    if (!parent || parent.closest(NOT_TEXT) || !parent.checkVisibility()) continue;
    if (!node.data.trim() && !byElement.has(parent.closest(BLOCK))) continue;
    const block = parent.closest(BLOCK);
    let entry = byElement.get(block);
    if (!entry) {
      entry = {where: window.__describe(block), parts: []};
      byElement.set(block, entry);
      blocks.push(entry);
    }
    entry.parts.push([node.data, langOf(parent)]);
  }
  blocks.unshift({where: 'title', parts: [[document.title, langOf(document.documentElement)]]});
  for (const el of document.querySelectorAll('[aria-label], img[alt], area[alt]')) {
    if (el.closest(NOT_TEXT)) continue;
    const attribute = el.hasAttribute('aria-label') ? 'aria-label' : 'alt';
    const text = el.getAttribute(attribute);
    if (text.trim()) {
      blocks.push({where: window.__describe(el) + '[' + attribute + ']', parts: [[text, langOf(el)]]});
    }
  }
  return blocks;
}
