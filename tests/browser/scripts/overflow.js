() => {
  const root = document.documentElement;
  const viewport = root.clientWidth;
  const scrollWidth = Math.max(root.scrollWidth, document.body ? document.body.scrollWidth : 0);
  let wide = [];
  if (scrollWidth > viewport) {
    const all = [...document.body.querySelectorAll('*')].filter((el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.right > viewport + 1;
    });
    wide = all.filter((el) => !all.some((other) => other !== el && el.contains(other)))
      .slice(0, 5)
      .map((el) => window.__describe(el) + ' (right edge at ' + Math.round(el.getBoundingClientRect().right) + ' px)');
  }
  return {viewport, scrollWidth, wide};
}
